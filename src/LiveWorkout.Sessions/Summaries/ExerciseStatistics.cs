namespace LiveWorkout.Sessions;

/// <summary>Sums sets per exercise, optionally per local day or ISO week (weeks start on Monday).</summary>
public static class ExerciseStatistics
{
    public static IReadOnlyList<ExerciseTotals> Totals(IEnumerable<SessionLog> sessions, StatsPeriod by, TimeZoneInfo zone) =>
        sessions
            .SelectMany(log => log.Sets)
            .GroupBy(set => (Period: PeriodOf(set.StartedAt, by, zone), set.Exercise))
            .Select(g => new ExerciseTotals(g.Key.Period, g.Key.Exercise, g.Count(), g.Sum(ExerciseMeasure.CountedReps), TimeSpan.FromTicks(g.Sum(s => (ExerciseMeasure.IsTimed(s.Exercise) ? ExerciseMeasure.TimedLength(s) : s.Duration).Ticks))))
            .OrderBy(t => t.PeriodStart ?? DateOnly.MinValue)
            .ThenByDescending(t => t.Time)
            .ThenBy(t => t.Exercise, StringComparer.Ordinal)
            .ToList();

    private static DateOnly? PeriodOf(DateTimeOffset time, StatsPeriod by, TimeZoneInfo zone)
    {
        if (by == StatsPeriod.All) return null;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);
        if (by == StatsPeriod.Day) return day;
        int sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }
}
