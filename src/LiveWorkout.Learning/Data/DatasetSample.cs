namespace LiveWorkout.Learning.Data;

/// <summary>The three parts of a dataset.</summary>
public static class SplitNames
{
    public const string Train = "train";
    public const string Validation = "val";
    public const string Test = "test";
    public static IReadOnlyList<string> All { get; } = [Train, Validation, Test];

    /// <summary>The canonical split for a folder or manifest value (train, val/valid/validation, test), or null.</summary>
    public static string? Parse(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "train" or "training" => Train,
        "val" or "valid" or "validation" or "dev" => Validation,
        "test" or "testing" => Test,
        _ => null,
    };
}

/// <summary>
/// One labelled image. <see cref="Group"/> ties samples that must share a split (frames of one
/// clip, photos of one exercise); <see cref="Split"/> is empty until the dataset is split.
/// </summary>
public sealed record DatasetSample(string Path, string Class, int Label, string Group, string Split = "");

/// <summary>A file that was left out, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
