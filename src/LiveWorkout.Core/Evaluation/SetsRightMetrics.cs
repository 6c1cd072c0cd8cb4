namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// The strictest view, as a user sees a logged session: a labelled set is right when a set of
/// the same exercise is matched to it, starts and ends within <see cref="ToleranceSeconds"/> of
/// it and counts its reps within ±1 (a hold has no reps to count). Null share without labelled sets.
/// </summary>
public sealed record SetsRightMetrics(int Sets, int Right, double? Share)
{
    public const double ToleranceSeconds = 1.0;

    public static bool IsRight(SetMatch m) =>
        Math.Abs(m.OnsetDelaySeconds) <= ToleranceSeconds && Math.Abs(m.OffsetDelaySeconds) <= ToleranceSeconds
        && (m.Truth.Reps == 0 || Math.Abs(m.RepError) <= 1);
}
