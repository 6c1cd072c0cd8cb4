namespace LiveWorkout.Learning.Packaging;

/// <summary>
/// The pose stage a landmark package needs: its model files, as paths relative to the package
/// folder, and how many landmark features each frame gives the sequence model (a check that the
/// package and this build compute the same features).
/// </summary>
/// <param name="LandmarkModel">The BlazePose landmark model (TFLite).</param>
/// <param name="Detector">The BlazePose person detector (TFLite, as published), or null to find people with the landmark model alone.</param>
/// <param name="Features">Landmark features per frame the heads were trained on.</param>
/// <param name="IntervalSeconds">
/// Least media time between two runs of the pose stage; frames in between keep the last landmarks.
/// The heads look at steps 0.2 s apart, so 0.1 s (10 runs a second) loses nothing they see, and a
/// 30 fps replay runs three times faster. 0 runs it on every frame.
/// </param>
public sealed record PoseSpec(string LandmarkModel, string? Detector, int Features, double IntervalSeconds = PoseSpec.DefaultInterval)
{
    /// <summary>The pose stage's default least interval, seconds.</summary>
    public const double DefaultInterval = 0.1;

    /// <summary>A least interval outside 0-1 s is refused.</summary>
    public void Validate(string where)
    {
        if (!(IntervalSeconds >= 0 && IntervalSeconds <= 1))
            throw new Core.InvalidInputException($"{where}: the pose stage's interval {IntervalSeconds} s is out of range (0-1 s); fix model.json or train again");
    }

    /// <summary>A path of this spec resolved against the package folder.</summary>
    public static string Resolve(string packageFolder, string file) => Path.GetFullPath(Path.Combine(packageFolder, file));
}
