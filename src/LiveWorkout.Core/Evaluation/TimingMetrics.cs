namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// Onset/offset delay of matched sets (predicted minus true, seconds): the signed median shows
/// bias, the 90th percentile of the absolute delay shows spread. Null without matches.
/// </summary>
public sealed record TimingMetrics(int MatchedSets, double? OnsetMedianSeconds, double? OnsetAbsP90Seconds,
    double? OffsetMedianSeconds, double? OffsetAbsP90Seconds);
