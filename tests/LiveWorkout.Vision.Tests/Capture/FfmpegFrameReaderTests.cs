using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Capture;

public sealed class FfmpegFrameReaderTests : IDisposable
{
    private static readonly InputSpec Spec = new(32, 24, ColorMode.Rgb, [0f, 0f, 0f], [1f, 1f, 1f]);
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-ffmpeg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>50 frames at 25 fps, 64x48, getting brighter, re-encoded to AV1.</summary>
    private string WriteAv1Clip()
    {
        string source = Path.Combine(_dir, "source.mp4");
        using (var writer = new VideoWriter(source, FourCC.FromFourChars('m', 'p', '4', 'v'), 25, new Size(64, 48)))
        using (var frame = new Mat(48, 64, MatType.CV_8UC3))
            for (int i = 0; i < 50; i++)
            {
                frame.SetTo(Scalar.All(20 + i * 4));
                writer.Write(frame);
            }
        return TestVideos.ToAv1(source, Path.Combine(_dir, "av1.mp4"));
    }

    [Fact]
    public async Task An_AV1_video_plays_through_the_system_ffmpeg_with_media_time()
    {
        string clip = WriteAv1Clip();
        using var pre = new FramePreprocessor(Spec);
        var capture = new FrameCapture(SourceSpec.Parse(clip), pre, new CaptureSettings());
        var run = capture.Start(CancellationToken.None);
        var samples = new List<FrameSample>();
        await foreach (var s in capture.Frames.ReadAllAsync())
        {
            samples.Add(s with { Pixels = (float[])s.Pixels.Clone() });
            capture.Pool.Return(s.Pixels);
        }
        await run;

        Assert.Equal(50, samples.Count);
        Assert.Equal(TimeSpan.FromSeconds(49 / 25.0), samples[^1].Time);
        Assert.Null(capture.SourceProblem);
        Assert.True(samples[^1].Pixels.Average() > samples[0].Pixels.Average() + 0.3); // frames got brighter
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
    public void A_video_neither_can_read_is_one_line_naming_what_to_do()
    {
        string clip = WriteAv1Clip();
        var spec = SourceSpec.Parse(clip);
        var noFfmpeg = Assert.Throws<SourceUnavailableException>(() => FrameReaders.OpenVideoFile(spec, new CaptureRequest(), ffmpeg: null).Dispose());
        Assert.Contains("apt-get install ffmpeg", noFfmpeg.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', noFfmpeg.Message);

        string broken = Path.Combine(_dir, "broken.mp4");
        File.WriteAllBytes(broken, new byte[5000]);
        var neither = Assert.Throws<SourceUnavailableException>(() => FrameReaders.OpenVideoFile(SourceSpec.Parse(broken), new CaptureRequest(), TestVideos.Ffmpeg()).Dispose());
        Assert.Contains("could not be read by OpenCV or by ffmpeg", neither.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', neither.Message);
    }
}
