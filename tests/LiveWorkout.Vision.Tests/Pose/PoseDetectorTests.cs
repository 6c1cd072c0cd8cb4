using System.Runtime.InteropServices;
using LiveWorkout.Vision.Pose;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Pose;

public sealed class PoseDetectorTests : IDisposable
{
    private readonly PoseDetector _detector = PoseDetector.Load(PoseModelFiles.Detector);

    public void Dispose() => _detector.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Finds_the_person_with_the_hip_centre_on_the_pelvis_in_synthetic_renders(int seed)
    {
        // Front views: from the side the detector's hip keypoint may sit on either hip, which is right but not the pelvis.
        using var session = new SyntheticSession(seed, 640, 480, 20, sceneOptions: new SceneOptions(CameraView.Front));
        using var frame = new Mat();
        int near = 0;
        const int Frames = 20;
        for (int k = 0; k < Frames; k++)
        {
            var pose = session.Render(k * session.FrameCount / Frames, frame);
            var pelvis = session.Camera.Project(pose[Joint.Pelvis]);
            var found = _detector.Detect(frame);
            if (found.Count == 0) continue;
            var best = found[0];
            Assert.InRange(best.Score, 0.5f, 1f);
            Assert.True(best.Box.Width > 0 && best.Box.Height > 0);
            float size = Distance(best.HipCenter, best.ScalePoint);
            Assert.InRange(size, 20f, 480f);
            if (Distance(best.HipCenter, new Point2f((float)pelvis.X, (float)pelvis.Y)) < 0.25f * size) near++;
        }
        Assert.True(near >= 17, $"seed {seed}: the hip centre was near the pelvis in {near} of {Frames} frames");
    }

    [Fact]
    public void Maps_back_through_the_letterbox_on_both_axes()
    {
        // A frame padded with zeros to a square shows the network the same input as the letterboxed frame,
        // so the detections must agree once the padding is subtracted: wide frames pad rows, tall frames columns.
        using var session = new SyntheticSession(4, 640, 480, 10);
        using var frame = new Mat();
        using var wideSquare = new Mat();
        using var tallSquare = new Mat();
        for (int k = 0; k < 3; k++)
        {
            var pose = session.Render(k * session.FrameCount / 3, frame);
            int left = Math.Clamp((int)session.Camera.Project(pose[Joint.Pelvis]).X - 180, 0, 640 - 360);
            using var tall = new Mat(frame, new Rect(left, 0, 360, 480));
            Cv2.CopyMakeBorder(frame, wideSquare, 80, 80, 0, 0, BorderTypes.Constant, Scalar.All(0)); // 640x480 -> 640x640
            Cv2.CopyMakeBorder(tall, tallSquare, 0, 0, 60, 60, BorderTypes.Constant, Scalar.All(0)); // 360x480 -> 480x480
            AssertSameDetection(_detector.Detect(frame), _detector.Detect(wideSquare), 0, 80);
            AssertSameDetection(_detector.Detect(tall), _detector.Detect(tallSquare), 60, 0);
        }
    }

    [Fact]
    public void Finds_nobody_on_blank_or_noise_frames()
    {
        using var black = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(0));
        using var grey = new Mat(720, 1280, MatType.CV_8UC3, Scalar.All(128));
        using var noise = new Mat(480, 640, MatType.CV_8UC3);
        var bytes = new byte[480 * 640 * 3];
        new Random(11).NextBytes(bytes);
        Marshal.Copy(bytes, 0, noise.Data, bytes.Length);
        Assert.Empty(_detector.Detect(black));
        Assert.Empty(_detector.Detect(grey));
        Assert.Empty(_detector.Detect(noise));
    }

    [Fact]
    public void The_same_frame_gives_the_same_detections_on_repeated_calls()
    {
        using var session = new SyntheticSession(5, 640, 480, 5);
        using var frame = new Mat();
        using var blank = new Mat(240, 320, MatType.CV_8UC3, Scalar.All(0));
        session.Render(40, frame);
        var first = _detector.Detect(frame).ToArray();
        _detector.Detect(blank); // a different size in between: buffers are reused, not stale
        var second = _detector.Detect(frame).ToArray();
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Refuses_frames_that_are_not_8_bit_BGR()
    {
        using var gray = new Mat(100, 100, MatType.CV_8UC1, Scalar.All(0));
        using var empty = new Mat();
        Assert.Throws<ArgumentException>(() => _detector.Detect(gray));
        Assert.Throws<ArgumentException>(() => _detector.Detect(empty));
    }

    private static void AssertSameDetection(IReadOnlyList<PoseDetection> letterboxed, IReadOnlyList<PoseDetection> padded, float dx, float dy)
    {
        Assert.NotEmpty(letterboxed);
        Assert.Equal(letterboxed.Count, padded.Count);
        var (a, b) = (letterboxed[0], padded[0]);
        var shift = new Point2f(dx, dy);
        Assert.Equal(a.Score, b.Score, 0.01f);
        // A few pixels: the network sees the same input up to resampling; a wrong mapping is off by the padding (60-80 px).
        Assert.True(Distance(a.HipCenter + shift, b.HipCenter) < 4f, $"hip {a.HipCenter} + {shift} vs {b.HipCenter}");
        Assert.True(Distance(a.ScalePoint + shift, b.ScalePoint) < 4f, $"scale point {a.ScalePoint} + {shift} vs {b.ScalePoint}");
        Assert.True(Distance(a.Box.TopLeft + shift, b.Box.TopLeft) < 4f, $"box {a.Box} + {shift} vs {b.Box}");
    }

    private static float Distance(Point2f a, Point2f b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
