namespace LiveWorkout.Sessions;

/// <summary>
/// A session row. <see cref="EndedAt"/> is null while recording and after a crash;
/// <see cref="SourceProblem"/> says why the source delivered less than all of itself (null: it did not).
/// </summary>
public sealed record StoredSession(
    long Id, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, TimeSpan Duration,
    string Source, string Model, string Device, string Notes, string? SourceProblem = null)
{
    public bool Complete => EndedAt is not null;
}
