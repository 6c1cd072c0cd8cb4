using LiveWorkout.Vision.Runtime;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Runtime;

public sealed class OpenCvRuntimeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-cv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_build_has_video_io()
    {
        var caps = OpenCvRuntime.Capabilities();
        Assert.True(caps.FFmpeg, "OpenCV must read and write video files through FFmpeg");
        Assert.StartsWith("4.", caps.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_written_here_reads_back_with_its_size_rate_and_content()
    {
        string path = Path.Combine(_dir, "moving-square.mp4");
        const int frames = 45, width = 160, height = 120;
        using (var writer = new VideoWriter(path, FourCC.FromFourChars('m', 'p', '4', 'v'), 30, new Size(width, height)))
        {
            Assert.True(writer.IsOpened());
            using var frame = new Mat(height, width, MatType.CV_8UC3);
            for (int i = 0; i < frames; i++)
            {
                frame.SetTo(Scalar.Black);
                Cv2.Rectangle(frame, new Rect(i * 2, 40, 30, 30), Scalar.White, -1);
                writer.Write(frame);
            }
        }

        using var capture = new VideoCapture(path);
        Assert.True(capture.IsOpened());
        Assert.Equal(width, capture.FrameWidth);
        Assert.Equal(height, capture.FrameHeight);
        Assert.Equal(30, capture.Fps, 1);
        using var read = new Mat();
        int count = 0;
        while (capture.Read(read) && !read.Empty())
        {
            if (count == 20)
            {
                // The square is at x = 40..70: bright there, dark elsewhere (lossy codec, so by mean).
                using var inside = new Mat(read, new Rect(45, 45, 20, 20));
                using var outside = new Mat(read, new Rect(100, 45, 20, 20));
                Assert.True(Cv2.Mean(inside).Val0 > 200);
                Assert.True(Cv2.Mean(outside).Val0 < 40);
            }
            count++;
        }
        Assert.Equal(frames, count);
    }
}
