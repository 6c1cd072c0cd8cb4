using LiveWorkout.Learning.Evaluation;

namespace LiveWorkout.Learning.Training;

/// <summary>What a finished (or early-stopped) run produced.</summary>
public sealed record TrainingOutcome(TrainingState State, ClassificationMetrics Test, string TestSplit, string ModelFolder, string Summary);
