namespace LiveWorkout.Pipeline;

/// <param name="AnalysedPerSecond">Frames classified per second of the stream.</param>
/// <param name="FlushedAtEnd">Results given when the stream ended (a temporal head's look-ahead), not in the percentiles.</param>
/// <param name="FlushAgeMs">How long after the stream's last frame those came, ms.</param>
public sealed record LatencyFigures(string Stream, long FramesSent, long FramesClassified, long FramesDropped, double AnalysedPerSecond, double PredictionP50Ms, double PredictionP95Ms,
    int Events, double EventP50Ms, double EventP95Ms, double FrontEndP50Ms, double FrontEndP95Ms, int FlushedAtEnd = 0, double? FlushAgeMs = null);
