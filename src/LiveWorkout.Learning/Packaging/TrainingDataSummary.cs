namespace LiveWorkout.Learning.Packaging;

/// <summary>What a model was trained on: where from, how it was split, what was skipped.</summary>
public sealed record TrainingDataSummary(
    string Source,
    string Kind,
    IReadOnlyList<SplitCounts> Splits,
    int SkippedFiles,
    string? Balance = null,
    string? Augment = null);
