using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Vision.Pose;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Pose;

public sealed class PoseLandmarkModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lw-pose-").FullName;

    private static string LandmarkModel => PoseModelFiles.Landmark;

    [Fact]
    public void Tracking_a_rendered_person_puts_the_landmarks_on_their_joints()
    {
        using var estimator = new PoseEstimator(PoseLandmarkModel.Load(LandmarkModel), detector: null);
        using var session = new SyntheticSession(21, 640, 480, 20, sceneOptions: new SceneOptions(CameraView.Front));
        using var image = new Mat();
        var frame = new float[PoseFrame.Length];
        int present = 0, close = 0, frames = 0;
        for (int i = 0; i < session.FrameCount; i += 10, frames++)
        {
            var pose = session.Render(i, image);
            if (estimator.Estimate(image, session.TimeOf(i), frame) < LandmarkFeatures.PresenceThreshold) continue;
            present++;
            // Hip centre within a quarter of the torso of the rendered pelvis.
            var pelvis = session.Camera.Project(pose[Joint.Pelvis]);
            var neck = session.Camera.Project(pose[Joint.Neck]);
            double torso = Math.Sqrt((pelvis.X - neck.X) * (pelvis.X - neck.X) + (pelvis.Y - neck.Y) * (pelvis.Y - neck.Y));
            double hx = (PoseFrame.X(frame, PoseFrame.LeftHip) + PoseFrame.X(frame, PoseFrame.RightHip)) / 2;
            double hy = (PoseFrame.Y(frame, PoseFrame.LeftHip) + PoseFrame.Y(frame, PoseFrame.RightHip)) / 2;
            if (Math.Sqrt((hx - pelvis.X) * (hx - pelvis.X) + (hy - pelvis.Y) * (hy - pelvis.Y)) < 0.4 * torso) close++;
        }
        Assert.True(present >= 0.7 * frames, $"a person in {present} of {frames} frames");
        Assert.True(close >= 0.8 * present, $"hips on the pelvis in {close} of {present} frames with a person");
    }

    [Theory]
    [InlineData(false, 640, 480)]
    [InlineData(true, 320, 1000)] // tall: the detector also looks at squares of it
    public void A_frame_with_nobody_in_it_gives_presence_zero_not_an_error(bool withDetector, int width, int height)
    {
        using var estimator = new PoseEstimator(PoseLandmarkModel.Load(LandmarkModel), withDetector ? PoseDetector.Load(PoseModelFiles.Detector) : null);
        using var blank = new Mat(height, width, MatType.CV_8UC3, new Scalar(90, 120, 140));
        var frame = new float[PoseFrame.Length];
        for (int i = 0; i < 30; i++) Assert.Equal(0, estimator.Estimate(blank, i / 10.0, frame));
        Assert.Equal(0, PoseFrame.Presence(frame));
        Assert.Equal(width, PoseFrame.Width(frame));
        Assert.Null(estimator.Track);
    }

    [Fact]
    public void A_missing_model_file_is_one_line_that_says_what_to_do()
    {
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => PoseLandmarkModel.Load(Path.Combine(_folder, "none.tflite")));
        Assert.Contains("not found", e.Message);
        Assert.Contains("models/pose", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public void A_corrupt_model_file_is_one_line_and_never_reaches_OpenCV(string kind)
    {
        string path = Path.Combine(_folder, kind + ".tflite");
        byte[] bytes = kind switch
        {
            "random" => RandomBytes(50_000),
            "truncated" => File.ReadAllBytes(LandmarkModel).AsSpan(0, 600).ToArray(),
            _ => [],
        };
        File.WriteAllBytes(path, bytes);
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => PoseLandmarkModel.Load(path));
        Assert.Contains("not a TFLite model", e.Message);
    }

    [Fact]
    public void A_tflite_file_that_is_not_the_landmark_model_is_refused_with_one_line()
    {
        // The detector is a valid TFLite file with other inputs and outputs (or one OpenCV cannot read).
        string path = Path.Combine(_folder, "cut.tflite");
        var bytes = File.ReadAllBytes(LandmarkModel);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => PoseLandmarkModel.Load(path));
        Assert.Contains(path, e.Message);
    }

    private static byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        new Random(5).NextBytes(b);
        return b;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

public sealed class PoseFrontEndTests
{
    [Fact]
    public void The_pose_stage_runs_at_most_once_per_interval_and_the_frames_between_keep_its_landmarks()
    {
        using var frontEnd = new PoseFrontEnd(new PoseEstimator(PoseLandmarkModel.Load(PoseModelFiles.Landmark), detector: null), intervalSeconds: 0.1);
        using var session = new SyntheticSession(22, 320, 240, 5, sceneOptions: new SceneOptions(CameraView.Front));
        using var image = new Mat();
        var frames = new float[30][];
        for (int i = 0; i < 30; i++)
        {
            session.Render(i, image);
            frames[i] = new float[PoseFrame.Length];
            frontEnd.ProcessInSequence(image, TimeSpan.FromSeconds(i / 30.0), frames[i]);
        }
        Assert.Equal(10, frontEnd.PoseRuns); // 1 s of 30 fps video, 0.1 s apart
        Assert.Equal(frames[0], frames[1]);
        Assert.Equal(frames[0], frames[2]);
        Assert.Equal(frames[3], frames[5]);
    }
}
