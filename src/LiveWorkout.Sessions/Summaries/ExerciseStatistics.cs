namespace LiveWorkout.Sessions;

/// <summary>Sums sets per exercise, optionally per local day or ISO week (weeks start on Monday).</summary>
public static class ExerciseStatistics
{
    public static IReadOnlyList<ExerciseTotals> Totals(IEnumerable<SessionLog> sessions, StatsPeriod by, TimeZoneInfo zone) =>
        sessions
            .SelectMany(log => log.Sets)
            .GroupBy(set => (Period: PeriodOf(set.StartedAt, by, zone), set.Exercise))
            .Select(g => new ExerciseTotals(g.Key.Period, g.Key.Exercise, g.Count(), g.Sum(ExerciseMeasure.CountedReps),
                TimeSpan.FromTicks(g.Sum(s => (ExerciseMeasure.IsTimed(s.Exercise) ? ExerciseMeasure.TimedLength(s) : s.Duration).Ticks)), g.Sum(ExerciseMeasure.VolumeKg)))
            .OrderBy(t => t.PeriodStart ?? DateOnly.MinValue)
            .ThenByDescending(t => t.Time)
            .ThenBy(t => t.Exercise, StringComparer.Ordinal)
            .ToList();

    /// <summary>The local day of a wall-clock time.</summary>
    public static DateOnly DayOf(DateTimeOffset time, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);

    /// <summary>The Monday of the ISO week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly? PeriodOf(DateTimeOffset time, StatsPeriod by, TimeZoneInfo zone) => by switch
    {
        StatsPeriod.All => null,
        StatsPeriod.Day => DayOf(time, zone),
        _ => WeekOf(DayOf(time, zone)),
    };
}
