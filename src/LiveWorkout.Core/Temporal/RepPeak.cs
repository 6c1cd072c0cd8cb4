namespace LiveWorkout.Core.Temporal;

/// <summary>A candidate repetition: a peak of the set's motion signal.</summary>
/// <param name="Time">Media time of the extreme.</param>
/// <param name="Prominence">Height over the lower of the valleys within one period on either side.</param>
/// <param name="BackCorrelation">Correlation of the period around the peak with the period before it; null where the data does not reach.</param>
/// <param name="ForwardCorrelation">The same with the period after it.</param>
public sealed record RepPeak(TimeSpan Time, double Prominence, double? BackCorrelation, double? ForwardCorrelation);
