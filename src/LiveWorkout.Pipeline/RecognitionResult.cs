using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Pipeline;

/// <summary>What a run produced.</summary>
public sealed record RecognitionResult(
    long? SessionId,
    IReadOnlyList<SessionEvent> Events,
    IReadOnlyList<RecognizedSet> Sets,
    IReadOnlyList<FramePrediction> Predictions,
    IReadOnlyList<string> Classes,
    long FramesClassified,
    long FramesDropped,
    int FramesSkipped,
    TimeSpan MediaDuration,
    TimeSpan WallTime,
    IReadOnlyList<double> LatenciesMs,
    IReadOnlyList<double> EventLatenciesMs,
    string Device,
    IReadOnlyList<double>? FrontEndMs = null)
{

    /// <summary>Why the source gave less than all of itself (the session is flagged so); null when it did not.</summary>
    public string? SourceProblem { get; init; }

    /// <summary>Classified frames in which the pose stage found a person; null for a model without one (pixels).</summary>
    public long? PersonFrames { get; init; }

    /// <summary>Landmark models: of <see cref="PersonFrames"/>, those of an upright person facing the camera (<see cref="Core.Pose.LandmarkFeatures.FacesCamera"/>).</summary>
    public long? FacingFrames { get; init; }

    /// <summary>Results given when the source ended (a temporal head's look-ahead), not in <see cref="LatenciesMs"/>.</summary>
    public int FlushedAtEnd { get; init; }

    /// <summary>How long after the last frame's capture those results came, ms; null when there were none.</summary>
    public double? FlushAgeMs { get; init; }

    /// <summary>Classified frames per wall-clock second.</summary>
    public double FramesPerSecond => WallTime > TimeSpan.Zero ? FramesClassified / WallTime.TotalSeconds : 0;

    /// <summary>Media seconds processed per wall-clock second (replay: how much faster than real time).</summary>
    public double RealTimeFactor => WallTime > TimeSpan.Zero ? MediaDuration.TotalSeconds / WallTime.TotalSeconds : 0;
}
