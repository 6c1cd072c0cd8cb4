namespace LiveWorkout.Core;

/// <summary>The machine lacks something the command needs: a native library, CUDA, a display, a video encoder.</summary>
public sealed class EnvironmentException(string message, Exception? inner = null) : LiveWorkoutException(message, inner);
