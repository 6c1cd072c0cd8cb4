using LiveWorkout.Learning.Packaging;
using LiveWorkout.Vision.Pose;
using LiveWorkout.Vision.Preprocessing;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>Builds what a model package reads frames with: its pose stage for a landmark package, its pixel preprocessing otherwise.</summary>
public static class PoseStage
{
    /// <summary>The pose estimator a landmark package names (its landmark model and, if any, its detector).</summary>
    public static PoseEstimator Open(ModelPackage package)
    {
        var spec = package.Manifest.Pose ?? throw new Core.ModelFileException($"model package '{package.Folder}' names no pose stage");
        string folder = package.Folder ?? ".";
        var landmarks = PoseLandmarkModel.Load(PoseSpec.Resolve(folder, spec.LandmarkModel));
        try
        {
            var detector = spec.Detector is null ? null : PoseDetector.Load(PoseSpec.Resolve(folder, spec.Detector));
            return new PoseEstimator(landmarks, detector);
        }
        catch
        {
            landmarks.Dispose();
            throw;
        }
    }

    /// <summary>The front end of <paramref name="package"/>: the pose stage or the pixel preprocessing.</summary>
    public static IFrameFrontEnd FrontEndFor(ModelPackage package) =>
        package.IsLandmarks ? new PoseFrontEnd(Open(package), package.Manifest.Pose!.IntervalSeconds) : new FramePreprocessor(package.Input);
}
