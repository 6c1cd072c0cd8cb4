namespace LiveWorkout.Core;

/// <summary>A camera, stream, video or image folder cannot be opened, or gives no frame that can be decoded.</summary>
public sealed class SourceUnavailableException(string message, Exception? inner = null) : LiveWorkoutException(message, inner);
