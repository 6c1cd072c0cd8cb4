namespace LiveWorkout.Learning.Evaluation;

/// <summary>Precision, recall, F1 and support of one class.</summary>
public sealed record ClassScore(string Class, double Precision, double Recall, double F1, int Support);
