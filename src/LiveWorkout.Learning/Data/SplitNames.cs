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
