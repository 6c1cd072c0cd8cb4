namespace LiveWorkout.Core;

/// <summary>What was asked cannot be done with what was given, though each input is valid on its own (too few images to train, nothing left to train, a deletion declined).</summary>
public sealed class OperationFailedException(string message, Exception? inner = null) : LiveWorkoutException(message, inner);
