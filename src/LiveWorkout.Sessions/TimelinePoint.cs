namespace LiveWorkout.Sessions;

/// <summary>One coarse (about 1 Hz) smoothed prediction.</summary>
public sealed record TimelinePoint(TimeSpan Time, string Label, double Confidence);
