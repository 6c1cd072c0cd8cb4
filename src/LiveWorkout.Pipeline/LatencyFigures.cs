namespace LiveWorkout.Pipeline;

/// <param name="AnalysedPerSecond">Frames classified per second of the stream.</param>
public sealed record LatencyFigures(string Stream, long FramesSent, long FramesClassified, long FramesDropped, double AnalysedPerSecond, double PredictionP50Ms, double PredictionP95Ms,
    int Events, double EventP50Ms, double EventP95Ms, double FrontEndP50Ms, double FrontEndP95Ms);
