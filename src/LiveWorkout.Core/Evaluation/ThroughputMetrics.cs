namespace LiveWorkout.Core.Evaluation;

/// <summary>How fast the pipeline ran: frames classified and media seconds processed per wall-clock second.</summary>
public sealed record ThroughputMetrics(long Frames, double MediaSeconds, double WallSeconds)
{
    public double FramesPerSecond => WallSeconds > 0 ? Frames / WallSeconds : 0;

    /// <summary>Media seconds per wall-clock second: above 1 is faster than real time.</summary>
    public double RealTimeFactor => WallSeconds > 0 ? MediaSeconds / WallSeconds : 0;

    /// <summary>Pooled over clips: totals divided, so long clips weigh more (as they did on the clock).</summary>
    public static ThroughputMetrics? Pool(IEnumerable<ThroughputMetrics?> parts)
    {
        var present = parts.OfType<ThroughputMetrics>().ToList();
        return present.Count == 0 ? null
            : new ThroughputMetrics(present.Sum(p => p.Frames), present.Sum(p => p.MediaSeconds), present.Sum(p => p.WallSeconds));
    }
}
