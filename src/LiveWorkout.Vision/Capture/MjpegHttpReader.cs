using System.Net.Http.Headers;
using System.Text;
using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// Reads an MJPEG stream over HTTP (multipart/x-mixed-replace, what IP cameras and phone camera
/// apps serve), decoding each JPEG with OpenCV. Needed because the FFmpeg inside OpenCvSharp's
/// official Linux runtime is built without network protocols; also works wherever it has them.
/// A stall longer than the read timeout counts as a lost source.
/// </summary>
public sealed class MjpegHttpReader : IFrameReader
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;
    private readonly byte[] _boundary;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;

    private MjpegHttpReader(HttpClient client, HttpResponseMessage response, Stream stream, string boundary, double fps)
    {
        _client = client;
        _response = response;
        _stream = stream;
        _boundary = Encoding.ASCII.GetBytes("--" + boundary.TrimStart('-'));
        Fps = fps;
    }

    public double Fps { get; }
    public long? FrameCount => null;
    public int Skipped { get; private set; }

    public static MjpegHttpReader Open(string url, double fps)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ReadTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            using var cts = new CancellationTokenSource(ReadTimeout);
            var response = client.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode)
                throw new SourceUnavailableException($"stream {url} answered {(int)response.StatusCode} {response.ReasonPhrase}: check the URL");
            MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
            string? boundary = type?.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
            if (type?.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true || string.IsNullOrEmpty(boundary))
                throw new SourceUnavailableException($"stream {url} is {type?.MediaType ?? "of unknown type"}, not MJPEG (multipart/x-mixed-replace): use the camera app's MJPEG URL, or a video file");
            return new MjpegHttpReader(client, response, response.Content.ReadAsStream(cts.Token), boundary, fps);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            client.Dispose();
            throw new SourceUnavailableException($"stream {url} could not be opened ({e.Message.TrimEnd('.')}): check the URL and that the server is reachable");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public bool Read(Mat frame)
    {
        try
        {
            while (true)
            {
                if (!SkipTo(_boundary)) return false;
                string? line = ReadLine(); // rest of the boundary line: "" or "--" at the close
                if (line is null || line.StartsWith("--", StringComparison.Ordinal)) return false;
                int length = -1;
                while ((line = ReadLine()) is not null && line.Length > 0)
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                        && int.TryParse(line.AsSpan(15).Trim(), out int n)) length = n;
                }
                if (line is null) return false;
                byte[]? jpeg = length >= 0 ? ReadExactly(length) : ReadUntil(_boundary);
                if (jpeg is null) return false;
                using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
                if (decoded.Empty()) { Skipped++; continue; }
                decoded.CopyTo(frame);
                return true;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HttpRequestException)
        {
            return false;
        }
    }

    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) return false;
        using var cts = new CancellationTokenSource(ReadTimeout);
        int n = _stream.ReadAsync(_buffer.AsMemory(_end), cts.Token).AsTask().GetAwaiter().GetResult();
        _end += n;
        return n > 0;
    }

    private bool SkipTo(byte[] marker)
    {
        while (true)
        {
            int at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
            if (at >= 0) { _start += at + marker.Length; return true; }
            _start = Math.Max(_start, _end - marker.Length);
            if (!Fill()) return false;
        }
    }

    private string? ReadLine()
    {
        while (true)
        {
            int at = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (at >= 0)
            {
                string line = Encoding.ASCII.GetString(_buffer, _start, at).TrimEnd('\r');
                _start += at + 1;
                return line;
            }
            if (!Fill()) return null;
        }
    }

    private byte[]? ReadExactly(int length)
    {
        var result = new byte[length];
        int have = 0;
        while (have < length)
        {
            if (_start == _end && !Fill()) return null;
            int n = Math.Min(length - have, _end - _start);
            Buffer.BlockCopy(_buffer, _start, result, have, n);
            _start += n;
            have += n;
        }
        return result;
    }

    /// <summary>A part without Content-Length: everything up to the next boundary (left unread).</summary>
    private byte[]? ReadUntil(byte[] marker)
    {
        using var part = new MemoryStream();
        while (true)
        {
            int at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
            if (at >= 0)
            {
                part.Write(_buffer, _start, at);
                _start += at;
                return part.ToArray();
            }
            int keep = Math.Min(marker.Length, _end - _start);
            part.Write(_buffer, _start, _end - _start - keep);
            _start = _end - keep;
            if (!Fill()) return null;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _response.Dispose();
        _client.Dispose();
    }
}
