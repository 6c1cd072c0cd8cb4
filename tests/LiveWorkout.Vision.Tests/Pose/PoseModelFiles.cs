namespace LiveWorkout.Vision.Tests.Pose;

/// <summary>The pose models the checkout ships under models/pose, found from the test binaries.</summary>
internal static class PoseModelFiles
{
    public static string Detector => Path.Combine(Root(), "models", "pose", "pose_detection.tflite");

    public static string Landmark => Path.Combine(Root(), "models", "pose", "pose_landmark_full.tflite");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LiveWorkout.sln"))) return dir.FullName;
        Assert.Fail($"no LiveWorkout.sln above {AppContext.BaseDirectory}: run the tests from a checkout");
        return "";
    }
}
