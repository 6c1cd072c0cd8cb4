namespace LiveWorkout.Learning.Training;

/// <summary>One epoch of phase-head training: mean squared error of (cos, sin) and the validation mean phase error.</summary>
public sealed record PhaseEpoch(int Epoch, double LearningRate, double TrainLoss, double ValidationErrorDegrees, double Seconds);
