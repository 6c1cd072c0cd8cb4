namespace LiveWorkout.Core.Recognition;

/// <summary>
/// A snapshot of what the pipeline knows right now, for the overlay and the console. Immutable:
/// the pipeline swaps in a new one, readers (the window, the status line) take the latest.
/// </summary>
public sealed record RecognitionStatus
{
    public static RecognitionStatus Empty { get; } = new();

    /// <summary>Media/capture time of the last classified frame.</summary>
    public TimeSpan Time { get; init; }

    /// <summary>Smoothed label of the last frame and its probability.</summary>
    public string Label { get; init; } = ExerciseCatalog.Idle;
    public double Confidence { get; init; }

    /// <summary>The set in progress, if any.</summary>
    public string? SetExercise { get; init; }
    public TimeSpan SetStart { get; init; }
    public int SetReps { get; init; }

    /// <summary>Sets completed so far.</summary>
    public int SetsDone { get; init; }

    /// <summary>Classified frames per second (recent average).</summary>
    public double Fps { get; init; }

    /// <summary>Capture-to-result age of the last classified frame.</summary>
    public TimeSpan FrameAge { get; init; }

    /// <summary>Frames dropped because a newer one arrived first (live only).</summary>
    public long Dropped { get; init; }

    /// <summary>True while the source is lost and being reconnected.</summary>
    public bool SourceLost { get; init; }
}
