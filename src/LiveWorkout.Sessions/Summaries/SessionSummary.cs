namespace LiveWorkout.Sessions;

/// <summary>One line of <c>sessions list</c>: corrected values, active time = time inside sets, reps of rep exercises only (timed ones count in time).</summary>
public sealed record SessionSummary(
    long Id, DateTimeOffset StartedAt, TimeSpan Duration, TimeSpan ActiveTime,
    int Sets, IReadOnlyList<string> Exercises, int TotalReps, bool Complete, string? SourceProblem = null)
{
    public static SessionSummary Of(SessionLog log)
    {
        var sets = log.Sets;
        // A crashed session's stored length may trail its last checkpointed set.
        var duration = sets.Count == 0 ? log.Session.Duration : Max(log.Session.Duration, sets.Max(s => s.End));
        return new SessionSummary(
            log.Session.Id, log.Session.StartedAt, duration,
            TimeSpan.FromTicks(sets.Sum(s => s.Duration.Ticks)),
            sets.Count,
            sets.Select(s => s.Exercise).Distinct(StringComparer.Ordinal).ToList(),
            sets.Sum(ExerciseMeasure.CountedReps),
            log.Session.Complete,
            log.Session.SourceProblem);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
