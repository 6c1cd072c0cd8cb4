namespace LiveWorkout.Learning.Training;

/// <summary>One classified sample of an evaluation.</summary>
public sealed record Prediction(string Path, int Label, int Predicted, float Confidence);
