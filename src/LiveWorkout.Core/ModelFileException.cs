namespace LiveWorkout.Core;

/// <summary>A model package or a pose model file is missing, damaged, or does not match what this build reads.</summary>
public sealed class ModelFileException(string message, Exception? inner = null) : LiveWorkoutException(message, inner);
