namespace LiveWorkout.Sessions;

/// <summary>A stretch without frames; <see cref="Recovered"/> is null if the source never came back.</summary>
public sealed record SourceGap(TimeSpan Lost, TimeSpan? Recovered, string Reason);
