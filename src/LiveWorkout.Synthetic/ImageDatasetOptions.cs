namespace LiveWorkout.Synthetic;

/// <summary>Options of <c>synth images</c>. <see cref="Splits"/> null writes one folder per class with no split level.</summary>
public sealed record ImageDatasetOptions(int PerClass, int Seed, int Width = 160, int Height = 120, IReadOnlyList<double>? Splits = null, string Format = "png", int ImagesPerGroup = 5)
{
    public static IReadOnlyList<string> SplitNames { get; } = ["train", "validation", "test"];
}
