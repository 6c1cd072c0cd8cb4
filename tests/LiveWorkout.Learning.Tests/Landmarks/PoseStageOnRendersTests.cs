using LiveWorkout.Core.Pose;
using LiveWorkout.Synthetic;
using LiveWorkout.Vision.Pose;
using OpenCvSharp;

namespace LiveWorkout.Learning.Tests.Landmarks;

public sealed class PoseStageOnRendersTests
{
    [Fact]
    public void A_person_the_detector_misses_is_found_by_the_landmark_model_on_the_whole_frame()
    {
        // A rendered person hanging from a pull-up bar, arms overhead, in a vertical 360x640 frame:
        // the person detector finds nobody there.
        string folder = Path.Combine(Repository.Root(), "models", "pose");
        using var session = new SyntheticSession(9040, 360, 640, 75, 30);
        using var image = new Mat();
        session.Render(194, image);
        using (var detector = PoseDetector.Load(Path.Combine(folder, "pose_detection.tflite")))
            Assert.Empty(detector.Detect(image));

        using var estimator = new PoseEstimator(PoseLandmarkModel.Load(Path.Combine(folder, "pose_landmark_full.tflite")),
            PoseDetector.Load(Path.Combine(folder, "pose_detection.tflite")));
        var frame = new float[PoseFrame.Length];
        float presence = estimator.Estimate(image, 0, frame);
        Assert.True(presence >= LandmarkFeatures.PresenceThreshold, $"presence {presence:0.00}");
        // The skeleton is the hanging person's: the wrists above the shoulders, both at the bar's
        // upright (x 120-240 of 360); the legs, bent up behind, are hidden and only guessed.
        foreach (int landmark in new[] { PoseFrame.LeftWrist, PoseFrame.RightWrist, PoseFrame.LeftShoulder, PoseFrame.RightShoulder })
            Assert.InRange(PoseFrame.X(frame, landmark), 120, 240);
        Assert.True(PoseFrame.Y(frame, PoseFrame.LeftWrist) < PoseFrame.Y(frame, PoseFrame.LeftShoulder));
        Assert.True(PoseFrame.Y(frame, PoseFrame.RightWrist) < PoseFrame.Y(frame, PoseFrame.RightShoulder));
        Assert.NotNull(estimator.Track);
    }
}
