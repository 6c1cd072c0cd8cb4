namespace LiveWorkout.Sessions;

/// <summary>Everything stored about one session.</summary>
public sealed record SessionLog(StoredSession Session, IReadOnlyList<StoredSet> Sets, IReadOnlyList<SourceGap> Gaps, IReadOnlyList<TimelinePoint> Timeline);
