namespace LiveWorkout.Core.Evaluation;

/// <summary>Precision, recall and F1 of one class, with its number of true frames.</summary>
public sealed record ClassScore(string Class, double Precision, double Recall, double F1, long Support, long Predicted);
