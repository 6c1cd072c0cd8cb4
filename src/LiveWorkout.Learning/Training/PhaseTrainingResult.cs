using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Training;

/// <summary>A trained phase head and its validation error (mean angle between estimated and labelled rep phase, in set frames).</summary>
public sealed record PhaseTrainingResult(TemporalHead Head, IReadOnlyList<PhaseEpoch> History, int BestEpoch, double ValidationErrorDegrees, int TrainWindows, int ValidationWindows);
