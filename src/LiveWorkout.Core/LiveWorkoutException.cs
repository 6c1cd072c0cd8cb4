namespace LiveWorkout.Core;

/// <summary>
/// A problem the user can fix: bad input, a missing file, a mismatched model. Its message is one
/// line that says what is wrong and what to do; the app prints it without a stack trace and picks
/// the exit code from the exception's type. Throw one of the typed exceptions that derive from it.
/// </summary>
public abstract class LiveWorkoutException : Exception
{
    protected LiveWorkoutException(string message, Exception? inner) : base(message, inner)
    {
    }
}
