namespace LiveWorkout.Core.Evaluation;

/// <summary>Frame-level scores: every frame counts once, idle included.</summary>
public sealed record FrameMetrics(long Frames, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> PerClass,
    IReadOnlyList<string> Classes, long[][] Confusion);
