using System.Buffers.Binary;
using System.Diagnostics;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Capture;

/// <summary>Small real video files for capture tests.</summary>
internal static class TestVideos
{
    /// <summary>
    /// A phone's portrait video as phones store it: 64x48 pixels on their side (the left half
    /// white) and a display matrix in the container that turns them a quarter clockwise.
    /// </summary>
    public static string WritePhoneClip(string path)
    {
        using (var writer = new VideoWriter(path, FourCC.FromFourChars('m', 'p', '4', 'v'), 25, new Size(64, 48)))
        using (var frame = new Mat(48, 64, MatType.CV_8UC3, Scalar.All(0)))
        {
            frame[new Rect(0, 0, 32, 48)].SetTo(Scalar.All(255));
            for (int i = 0; i < 5; i++) writer.Write(frame);
        }
        SetDisplayMatrix(path, [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000]);
        return path;
    }

    /// <summary>The phone clip's frame read upright: portrait, the white half on top.</summary>
    public static void AssertUpright(Mat frame)
    {
        Assert.Equal(new Size(48, 64), frame.Size());
        Assert.True(frame.At<Vec3b>(5, 24).Item0 > 200);
        Assert.True(frame.At<Vec3b>(58, 24).Item0 < 50);
    }

    /// <summary>Writes an MP4's track display matrix (its 'tkhd' box, version 0), as a phone's camera app does.</summary>
    private static void SetDisplayMatrix(string path, int[] matrix)
    {
        var bytes = File.ReadAllBytes(path);
        int box = bytes.AsSpan().IndexOf("tkhd"u8);
        Assert.True(box > 0 && bytes[box + 4] == 0, "the writer made a version 0 tkhd box");
        int at = box + 4 + 4 + 20 + 16; // type, version and flags, five 32-bit fields, reserved, layer, group, volume
        for (int k = 0; k < 9; k++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at + 4 * k), matrix[k]);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The system's ffmpeg, which scripts/setup.sh installs.</summary>
    public static string Ffmpeg() =>
        LiveWorkout.Vision.Capture.FfmpegFrameReader.Locate() ?? throw new InvalidOperationException("ffmpeg is not installed: run scripts/setup.sh (or sudo apt-get install ffmpeg)");

    /// <summary>A 64x48 H.264 clip of variable frame rate: frames 1/30 s apart for a second, then 1/15 s apart for another.</summary>
    public static string WriteVariableRateClip(string output) =>
        RunFfmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=30", "-t", "2", "-vf", "select='lt(t,1)+gte(t,1)*not(mod(n,2))'",
            "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p", output);

    /// <summary>Re-encodes <paramref name="input"/> to AV1 with the system's ffmpeg.</summary>
    public static string ToAv1(string input, string output) =>
        RunFfmpeg("-i", input, "-c:v", "libaom-av1", "-cpu-used", "8", "-b:v", "100k", "-pix_fmt", "yuv420p", output);

    /// <summary>Runs the system's ffmpeg to make <paramref name="args"/>' last argument, the output file.</summary>
    private static string RunFfmpeg(params string[] args)
    {
        var start = new ProcessStartInfo(Ffmpeg()) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-nostdin", "-y" }.Concat(args)) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"ffmpeg could not make {args[^1]}: {errors}");
        return args[^1];
    }
}
