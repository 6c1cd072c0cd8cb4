namespace LiveWorkout.Core;

/// <summary>
/// A problem the user can fix: bad input, a missing file, a mismatched model. The app prints
/// <see cref="Exception.Message"/> as one line (no stack trace) and exits with <see cref="ExitCode"/>.
/// Messages say what is wrong and what to do.
/// </summary>
public class LiveWorkoutException(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Process exit code: 1 for a failed operation, 2 for bad configuration or arguments.</summary>
    public int ExitCode { get; } = exitCode;
}
