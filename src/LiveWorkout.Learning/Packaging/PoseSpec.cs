namespace LiveWorkout.Learning.Packaging;

/// <summary>
/// The pose stage a landmark package needs: its model files, as paths relative to the package
/// folder, and how many landmark features each frame gives the sequence model (a check that the
/// package and this build compute the same features).
/// </summary>
/// <param name="LandmarkModel">The BlazePose landmark model (TFLite).</param>
/// <param name="Detector">The BlazePose person detector (TFLite, as published), or null to find people with the landmark model alone.</param>
/// <param name="Features">Landmark features per frame the heads were trained on.</param>
public sealed record PoseSpec(string LandmarkModel, string? Detector, int Features)
{
    /// <summary>The shipped pose models, kept once in models/pose beside the packages that use them.</summary>
    public static PoseSpec Default(int features) => new("../pose/pose_landmark_full.tflite", "../pose/pose_detection.tflite", features);

    /// <summary>A path of this spec resolved against the package folder.</summary>
    public static string Resolve(string packageFolder, string file) => Path.GetFullPath(Path.Combine(packageFolder, file));
}
