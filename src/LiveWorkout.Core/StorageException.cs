namespace LiveWorkout.Core;

/// <summary>A file or the session log cannot be found, read or written as asked.</summary>
public sealed class StorageException(string message, Exception? inner = null) : LiveWorkoutException(message, inner);
