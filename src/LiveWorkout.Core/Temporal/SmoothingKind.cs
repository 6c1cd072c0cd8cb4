namespace LiveWorkout.Core.Temporal;

/// <summary>How class probabilities are smoothed over time.</summary>
public enum SmoothingKind
{
    /// <summary>Mean of the frames inside the last <see cref="TemporalOptions.SmoothingSeconds"/>.</summary>
    MovingAverage,

    /// <summary>Exponential average with time constant <see cref="TemporalOptions.SmoothingSeconds"/> (frame-rate independent).</summary>
    Exponential,
}
