namespace LiveWorkout.Core;

/// <summary>What the user gave is not valid: an option, an argument, a setting, or a file the user writes (labels, saved predictions, a dataset's manifest).</summary>
public sealed class InvalidInputException(string message, Exception? inner = null) : LiveWorkoutException(message, inner);
