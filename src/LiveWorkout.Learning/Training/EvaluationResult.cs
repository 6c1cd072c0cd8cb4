namespace LiveWorkout.Learning.Training;

/// <summary>Loss, accuracy and every prediction of one pass over a split.</summary>
public sealed record EvaluationResult(double Loss, double Accuracy, IReadOnlyList<Prediction> Predictions);
