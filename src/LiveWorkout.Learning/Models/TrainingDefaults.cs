namespace LiveWorkout.Learning.Models;

/// <summary>How an architecture is trained when the user says nothing else.</summary>
public sealed record TrainingDefaults(
    string Optimizer, double LearningRate, double Momentum, double WeightDecay, string Schedule, int BatchSize, string Augment);
