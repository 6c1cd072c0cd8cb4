using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// Video files that OpenCV's own FFmpeg cannot decode (AV1 above all, as phones and video sites
/// now write it), read through the system's <c>ffmpeg</c> program: it decodes the first video
/// stream, turns it upright as the container says, and pipes it as YUV4MPEG (a header with size
/// and frame rate, then raw 4:2:0 frames), which becomes BGR here.
/// </summary>
public sealed class FfmpegFrameReader : IFrameReader
{
    private readonly Process _process;
    private readonly Stream _output;
    private readonly StringBuilder _errors;
    private readonly string _location;
    private readonly int _width, _height;
    private readonly byte[] _buffer;
    private readonly Mat _yuv;
    private long _read;
    private bool _ended;

    private FfmpegFrameReader(Process process, Stream output, StringBuilder errors, string location, int width, int height, double fps)
    {
        _process = process;
        _output = output;
        _errors = errors;
        _location = location;
        _width = width;
        _height = height;
        Fps = fps;
        _buffer = new byte[width * height * 3 / 2];
        _yuv = new Mat(height * 3 / 2, width, MatType.CV_8UC1);
    }

    public double Fps { get; }
    public long? FrameCount => null;
    public int Skipped => 0;

    /// <summary>The ffmpeg program on the PATH, or null when none is installed.</summary>
    public static string? Locate()
    {
        string name = OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Starts <paramref name="ffmpeg"/> on the video; null, with ffmpeg's own first line of
    /// complaint in <paramref name="error"/>, when it cannot decode it either.
    /// </summary>
    public static FfmpegFrameReader? TryOpen(string path, string ffmpeg, out string? error)
    {
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Even sizes: 4:2:0 frames have one colour sample per 2x2 pixels (a phone's odd size loses a column or row).
        foreach (var a in new[] { "-v", "error", "-nostdin", "-i", path, "-map", "0:v:0", "-vf", "crop=trunc(iw/2)*2:trunc(ih/2)*2:0:0",
                     "-pix_fmt", "yuv420p", "-f", "yuv4mpegpipe", "-" })
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error = $"{ffmpeg} could not be started ({e.Message})";
            return null;
        }
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) lock (errors) errors.AppendLine(line); };
        process.BeginErrorReadLine();

        var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        string? header = ReadLine(output);
        if (header is null || !TryParseHeader(header, out int width, out int height, out double fps))
        {
            process.WaitForExit(5000);
            lock (errors) error = FirstLine(errors) ?? "ffmpeg gave no video";
            Stop(process);
            return null;
        }
        error = null;
        return new FfmpegFrameReader(process, output, errors, path, width, height, fps);
    }

    /// <summary>Parses "YUV4MPEG2 W640 H480 F30000:1001 ..." (4:2:0 only, as asked for).</summary>
    internal static bool TryParseHeader(string header, out int width, out int height, out double fps)
    {
        width = height = 0;
        fps = 0;
        var fields = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields[0] != "YUV4MPEG2") return false;
        foreach (var f in fields.Skip(1))
        {
            switch (f[0])
            {
                case 'W': int.TryParse(f.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out width); break;
                case 'H': int.TryParse(f.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out height); break;
                case 'F':
                    var rate = f[1..].Split(':');
                    if (rate.Length == 2 && double.TryParse(rate[0], CultureInfo.InvariantCulture, out double n) && double.TryParse(rate[1], CultureInfo.InvariantCulture, out double d) && n > 0 && d > 0)
                        fps = n / d;
                    break;
                case 'C' when !f.StartsWith("C420", StringComparison.Ordinal): return false;
            }
        }
        return width > 0 && height > 0 && width % 2 == 0 && height % 2 == 0 && fps is > 0 and < 1000;
    }

    /// <summary>Why the video gave less than all of itself: ffmpeg stopped with an error.</summary>
    public string? Problem
    {
        get
        {
            if (!_ended) return null;
            _process.WaitForExit(5000);
            if (!_process.HasExited || _process.ExitCode == 0) return null;
            string? why;
            lock (_errors) why = FirstLine(_errors);
            return string.Create(CultureInfo.InvariantCulture, $"{_location}: ffmpeg stopped after {_read} frames ({why ?? $"exit code {_process.ExitCode}"}); the file is cut short or damaged");
        }
    }

    public bool Read(Mat frame)
    {
        if (_ended) return false;
        try
        {
            // Each frame: "FRAME" (with optional parameters) and a newline, then its Y, U and V planes.
            if (ReadLine(_output) is not { } line || !line.StartsWith("FRAME", StringComparison.Ordinal))
            {
                _ended = true;
                return false;
            }
            _output.ReadExactly(_buffer);
        }
        catch (EndOfStreamException)
        {
            _ended = true;
            return false;
        }
        Marshal.Copy(_buffer, 0, _yuv.Data, _buffer.Length);
        Cv2.CvtColor(_yuv, frame, ColorConversionCodes.YUV2BGR_I420);
        _read++;
        return true;
    }

    public void Dispose()
    {
        Stop(_process);
        _yuv.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }

    /// <summary>One line of ASCII (a header or frame marker), without its newline; null at the end of the stream.</summary>
    private static string? ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) return line.Length > 0 ? line.ToString() : null;
            if (b == '\n') return line.ToString();
            if (line.Length > 4096) return null; // not a YUV4MPEG stream
            line.Append((char)b);
        }
    }

    /// <summary>ffmpeg's first line of complaint, without the "[demuxer @ 0x...]" it starts some with.</summary>
    private static string? FirstLine(StringBuilder text) =>
        text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.StartsWith('[') && line.IndexOf("] ", StringComparison.Ordinal) is > 0 and var end ? line[(end + 2)..] : line)
            .FirstOrDefault();
}
