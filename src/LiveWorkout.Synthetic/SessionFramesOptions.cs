using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Synthetic;

/// <summary>Options of <c>synth frames</c>.</summary>
public sealed record SessionFramesOptions(
    int Sessions, int Seed, int Width = 160, int Height = 120, double SessionSeconds = 60, double EverySeconds = 0.5,
    IReadOnlyList<double>? Splits = null, string Format = "jpg", double CleanShare = 0.2, RegionSpec? Region = null,
    double OcclusionChance = SceneOptions.SessionOcclusionChance);
