using LiveWorkout.Core.Temporal;
using LiveWorkout.Vision.Capture;

namespace LiveWorkout.Pipeline;

/// <summary>Everything one run of the recognition pipeline needs to know.</summary>
public sealed record RecognitionSettings
{
    public required string Source { get; init; }
    public required string ModelPath { get; init; }
    public string Device { get; init; } = "auto";

    /// <summary>False: the CNN alone classifies each frame even when the package has a temporal head.</summary>
    public bool UseTemporalHead { get; init; } = true;

    public TemporalOptions Temporal { get; init; } = new();
    public CaptureRequest Capture { get; init; } = new();
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Replay: pace at the clip's frame rate instead of as fast as possible.</summary>
    public bool Realtime { get; init; }

    /// <summary>Show the overlay window (live and replay); false for headless runs.</summary>
    public bool ShowWindow { get; init; }

    /// <summary>Record the raw input here (mp4) with the predicted sets beside it as labels.</summary>
    public string? RecordPath { get; init; }

    /// <summary>The session log; null runs without logging (evaluation, benchmarks).</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Most frames classified together when they are waiting (replay).</summary>
    public int MaxBatch { get; init; } = 16;

    /// <summary>Stop after this many frames.</summary>
    public long? MaxFrames { get; init; }

    /// <summary>
    /// Keep every frame's probabilities in the result, for scoring the raw classifier (replay
    /// --evaluate). Off by default: kept, they grow with every frame, so a long replay or a live
    /// session of hours would not hold its memory flat.
    /// </summary>
    public bool KeepPredictions { get; init; }

    /// <summary>With <see cref="KeepPredictions"/>: keep each frame's embedding too (replay --evaluate --save-predictions).</summary>
    public bool KeepEmbeddings { get; init; }
}
