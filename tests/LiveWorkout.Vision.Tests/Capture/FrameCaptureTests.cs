using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Capture;

public sealed class FrameCaptureTests : IDisposable
{
    private static readonly InputSpec Spec = new(32, 24, ColorMode.Rgb, [0f, 0f, 0f], [1f, 1f, 1f]);
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-capture-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteClip(int frames, double fps = 25)
    {
        string path = Path.Combine(_dir, "clip.mp4");
        using var writer = new VideoWriter(path, FourCC.FromFourChars('m', 'p', '4', 'v'), fps, new Size(64, 48));
        using var frame = new Mat(48, 64, MatType.CV_8UC3);
        for (int i = 0; i < frames; i++)
        {
            frame.SetTo(Scalar.All(i * 255.0 / frames));
            writer.Write(frame);
        }
        return path;
    }

    private static async Task<List<FrameSample>> Drain(FrameCapture capture, TimeSpan perFrame = default)
    {
        var samples = new List<FrameSample>();
        await foreach (var s in capture.Frames.ReadAllAsync())
        {
            samples.Add(s with { Pixels = (float[])s.Pixels.Clone() });
            capture.Pool.Return(s.Pixels);
            if (perFrame > TimeSpan.Zero) await Task.Delay(perFrame);
        }
        return samples;
    }

    /// <summary>Every frame of a video file, replayed with default settings.</summary>
    private static async Task<(List<FrameSample> Samples, FrameCapture Capture)> ReplayAll(string clip)
    {
        using var pre = new FramePreprocessor(Spec);
        var capture = new FrameCapture(SourceSpec.Parse(clip), pre, new CaptureSettings());
        var run = capture.Start(CancellationToken.None);
        var samples = await Drain(capture);
        await run;
        return (samples, capture);
    }

    [Fact]
    public async Task Replay_of_a_file_is_lossless_with_media_time()
    {
        string clip = WriteClip(50, fps: 25);
        using var pre = new FramePreprocessor(Spec);
        var capture = new FrameCapture(SourceSpec.Parse(clip), pre, new CaptureSettings { ReplayQueue = 2 });
        var run = capture.Start(CancellationToken.None);
        var samples = await Drain(capture, TimeSpan.FromMilliseconds(2)); // a slow reader must not lose frames
        await run;

        Assert.Equal(50, samples.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), samples.Select(s => s.Index));
        Assert.Equal(TimeSpan.FromSeconds(49 / 25.0), samples[^1].Time);
        Assert.Equal(0, capture.Counters.Dropped);
        Assert.True(samples[^1].Pixels.Average() > samples[0].Pixels.Average()); // frames got brighter
    }

    [Fact]
    public void A_phone_video_stored_on_its_side_is_read_upright()
    {
        string path = TestVideos.WritePhoneClip(Path.Combine(_dir, "phone.mp4"));
        using var reader = VideoFrameReader.Open(SourceSpec.Parse(path), new CaptureRequest());
        using var read = new Mat();
        Assert.True(reader.Read(read));
        TestVideos.AssertUpright(read);
    }

    [Fact]
    public async Task An_AV1_video_plays_through_the_system_ffmpeg_with_media_time()
    {
        // OpenCV's own FFmpeg has no AV1 decoder; FrameReaders hands such a file to ffmpeg.
        string clip = TestVideos.ToAv1(WriteClip(50, fps: 25), Path.Combine(_dir, "av1.mp4"));
        var (samples, capture) = await ReplayAll(clip);

        Assert.Equal(50, samples.Count);
        Assert.Equal(TimeSpan.FromSeconds(49 / 25.0), samples[^1].Time);
        Assert.Null(capture.SourceProblem);
        Assert.True(samples[^1].Pixels.Average() > samples[0].Pixels.Average() + 0.3); // frames got brighter
    }

    [Fact]
    public async Task A_variable_frame_rate_video_keeps_its_own_frame_times()
    {
        // 30 frames a second for a second, then 15, as a phone drops its rate in dim light (OpenCV gives the last two no timestamp).
        string clip = TestVideos.WriteVariableRateClip(Path.Combine(_dir, "vfr.mp4"));
        var (samples, _) = await ReplayAll(clip);

        Assert.Equal(45, samples.Count);
        Assert.Equal(29 / 30.0, samples[29].Time.TotalSeconds, 0.002);
        Assert.Equal(30 / 30.0, samples[30].Time.TotalSeconds, 0.002);
        Assert.Equal(32 / 30.0, samples[31].Time.TotalSeconds, 0.002);
        Assert.Equal(58 / 30.0, samples[^1].Time.TotalSeconds, 0.002);
    }

    [Fact]
    public void The_ffmpeg_reader_turns_a_phone_video_upright()
    {
        string path = TestVideos.WritePhoneClip(Path.Combine(_dir, "phone.mp4"));
        using var reader = FfmpegFrameReader.TryOpen(path, TestVideos.Ffmpeg(), out var error);
        Assert.True(reader is not null, error);
        Assert.Equal(25, reader.Fps, 3);
        using var frame = new Mat();
        int frames = 0;
        while (reader.Read(frame))
        {
            TestVideos.AssertUpright(frame);
            frames++;
        }
        Assert.Equal(5, frames);
        Assert.Null(reader.Problem);
    }

    [Fact]
    public void A_video_neither_OpenCV_nor_ffmpeg_can_read_is_one_line_naming_what_to_do()
    {
        string clip = TestVideos.ToAv1(WriteClip(10), Path.Combine(_dir, "av1.mp4"));
        var noFfmpeg = Assert.Throws<SourceUnavailableException>(() => FrameReaders.OpenVideoFile(SourceSpec.Parse(clip), new CaptureRequest(), ffmpeg: null).Dispose());
        Assert.Contains("apt-get install ffmpeg", noFfmpeg.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', noFfmpeg.Message);

        string broken = Path.Combine(_dir, "broken.mp4");
        File.WriteAllBytes(broken, new byte[5000]);
        var neither = Assert.Throws<SourceUnavailableException>(() => FrameReaders.OpenVideoFile(SourceSpec.Parse(broken), new CaptureRequest(), TestVideos.Ffmpeg()).Dispose());
        Assert.Contains("could not be read by OpenCV or by ffmpeg", neither.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', neither.Message);
    }

    [Fact]
    public async Task An_image_folder_plays_in_name_order_and_skips_corrupt_files()
    {
        for (int i = 0; i < 4; i++)
        {
            using var img = new Mat(20, 20, MatType.CV_8UC3, Scalar.All(i * 60));
            Cv2.ImWrite(Path.Combine(_dir, $"f{i}.png"), img);
        }
        File.WriteAllText(Path.Combine(_dir, "f2b.jpg"), "this is not a jpeg");
        using var pre = new FramePreprocessor(Spec);
        var capture = new FrameCapture(SourceSpec.Parse(_dir), pre, new CaptureSettings { Request = new CaptureRequest(Fps: 10) });
        var run = capture.Start(CancellationToken.None);
        var samples = await Drain(capture);
        await run;
        Assert.Equal(4, samples.Count);
        Assert.Equal(1, capture.Counters.Skipped);
        Assert.Equal(TimeSpan.FromSeconds(0.3), samples[^1].Time);
    }

    [Fact]
    public void An_unreadable_video_fails_with_one_actionable_line()
    {
        string bad = Path.Combine(_dir, "broken.mp4");
        File.WriteAllBytes(bad, new byte[5000]);
        using var pre = new FramePreprocessor(Spec);
        var capture = new FrameCapture(SourceSpec.Parse(bad), pre, new CaptureSettings());
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => capture.Open().Dispose());
        Assert.Contains("could not be read", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("0", SourceKind.Camera)]
    [InlineData("rtsp://127.0.0.1:8554/cam", SourceKind.Stream)]
    [InlineData("http://127.0.0.1:8080/video", SourceKind.Stream)]
    public void Sources_are_recognised(string source, SourceKind kind)
    {
        Assert.Equal(kind, SourceSpec.Parse(source).Kind);
    }

    [Fact]
    public void A_missing_camera_or_file_is_a_clear_error()
    {
        var missingDevice = Assert.ThrowsAny<LiveWorkoutException>(() => SourceSpec.Parse("/dev/video97"));
        Assert.Contains("doctor", missingDevice.Message, StringComparison.Ordinal);
        var missingFile = Assert.ThrowsAny<LiveWorkoutException>(() => SourceSpec.Parse(Path.Combine(_dir, "nope.mp4")));
        Assert.Contains("not a camera index", missingFile.Message, StringComparison.Ordinal);
        using var pre = new FramePreprocessor(Spec);
        var camera = new FrameCapture(SourceSpec.Parse("7"), pre, new CaptureSettings());
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => camera.Open().Dispose());
        Assert.Contains("missing or busy", e.Message, StringComparison.Ordinal);
    }
}
