namespace LiveWorkout.Learning.Training;

/// <summary>One epoch of head training.</summary>
public sealed record HeadEpoch(int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, double Seconds);
