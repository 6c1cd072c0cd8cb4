using Microsoft.Extensions.Logging.Abstractions;

namespace LiveWorkout.Vision.Capture;

/// <summary>How a capture run behaves.</summary>
public sealed record CaptureSettings
{
    public CaptureRequest Request { get; init; } = new();

    /// <summary>Replay only: pace frames at the clip's frame rate instead of as fast as possible.</summary>
    public bool Realtime { get; init; }

    /// <summary>Frames waiting for the classifier in replay (lossless; capture waits when full).</summary>
    public int ReplayQueue { get; init; } = 16;

    /// <summary>Live sources: longest back-off between reconnect attempts.</summary>
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Live sources: end the run after this long without frames (null: keep trying until cancelled).</summary>
    public TimeSpan? GiveUpAfter { get; init; }

    /// <summary>Write the raw frames to this mp4 (null: no recording).</summary>
    public string? RecordPath { get; init; }

    /// <summary>Stop after this many frames (null: until the source ends or the run is cancelled).</summary>
    public long? MaxFrames { get; init; }
}
