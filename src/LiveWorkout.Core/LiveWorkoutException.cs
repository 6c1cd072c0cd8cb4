namespace LiveWorkout.Core;

/// <summary>
/// A problem the user can fix: bad input, a missing file, a mismatched model. Its message is one
/// line that says what is wrong and what to do; the app prints it without a stack trace and picks
/// the exit code from the exception's type. Throw one of the typed exceptions that derive from it.
/// </summary>
public class LiveWorkoutException : Exception
{
    protected LiveWorkoutException(string message, Exception? inner) : base(message, inner)
    {
    }

    /// <summary>
    /// For throws that still name their exit code themselves (two in Learning/Landmarks); every
    /// other throw uses a typed exception, whose exit code the app chooses.
    /// </summary>
    public LiveWorkoutException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    /// <summary>The exit code named by the constructor above; null for the typed exceptions.</summary>
    public int? ExitCode { get; }
}
