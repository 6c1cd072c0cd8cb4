namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// Set detection: a true positive is a predicted set matched one-to-one to a labelled set of the
/// same exercise at temporal IoU ≥ 0.5. With nothing to predict and nothing predicted,
/// precision and recall are 1; otherwise an empty denominator gives 0.
/// </summary>
public sealed record SetMetrics(int TruePositives, int FalsePositives, int FalseNegatives, double Precision, double Recall, double F1);
