namespace LiveWorkout.Sessions;

/// <summary>
/// What the progress page shows, worked out from many sessions: totals per exercise and week,
/// active days, personal records, streaks and the sessions themselves. Corrected values count; a
/// session without sets is listed but makes no day active. Weeks run Monday to Sunday in local time.
/// </summary>
public sealed class ProgressHistory
{
    private readonly IReadOnlyDictionary<long, double> _volumes;

    private ProgressHistory(
        DateOnly today, IReadOnlyList<SessionSummary> sessions, IReadOnlyDictionary<DateOnly, DayActivity> days,
        IReadOnlyList<DateOnly> weeks, IReadOnlyList<ExerciseTotals> weekly, IReadOnlyList<PersonalRecord> records, TrainingStreaks streaks,
        IReadOnlyDictionary<long, double> volumes)
    {
        _volumes = volumes;
        Today = today;
        Sessions = sessions;
        Days = days;
        Weeks = weeks;
        Weekly = weekly;
        Records = records;
        Streaks = streaks;
    }

    /// <summary>The day the page is made for: streaks and the calendar end here.</summary>
    public DateOnly Today { get; }

    /// <summary>Every session, newest first.</summary>
    public IReadOnlyList<SessionSummary> Sessions { get; }

    /// <summary>Days with at least one set, by local day.</summary>
    public IReadOnlyDictionary<DateOnly, DayActivity> Days { get; }

    /// <summary>The Monday of every week from the first session's to this one (or the last session's, if later), oldest first.</summary>
    public IReadOnlyList<DateOnly> Weeks { get; }

    /// <summary>Totals per exercise and week (<see cref="ExerciseTotals.PeriodStart"/> is the week's Monday).</summary>
    public IReadOnlyList<ExerciseTotals> Weekly { get; }

    /// <summary>Personal bests of every exercise done, in the catalogue's order.</summary>
    public IReadOnlyList<PersonalRecord> Records { get; }

    public TrainingStreaks Streaks { get; }

    /// <summary>Sessions that recognised at least one set.</summary>
    public int Workouts => Sessions.Count(s => s.Sets > 0);

    public TimeSpan ActiveTime => TimeSpan.FromTicks(Days.Values.Sum(d => d.Active.Ticks));

    public int TotalReps => Days.Values.Sum(d => d.Reps);

    public double TotalVolumeKg => Records.Sum(r => r.TotalVolumeKg);

    /// <summary>Reps times weight over one session's sets, in kilograms (zero when no weight was entered).</summary>
    public double SessionVolumeKg(long sessionId) => _volumes.GetValueOrDefault(sessionId);

    /// <summary>The totals of one exercise in the week beginning <paramref name="monday"/> (zero when it was not done).</summary>
    public ExerciseTotals WeekOf(string exercise, DateOnly monday) =>
        Weekly.FirstOrDefault(t => t.PeriodStart == monday && t.Exercise == exercise)
        ?? new ExerciseTotals(monday, exercise, 0, 0, TimeSpan.Zero);

    public static ProgressHistory Of(IEnumerable<SessionLog> logs, TimeZoneInfo zone, DateOnly today)
    {
        var all = logs.OrderByDescending(l => l.Session.StartedAt).ThenByDescending(l => l.Session.Id).ToList();
        var sets = all.SelectMany(l => l.Sets.Select(s => (Log: l, Set: s))).ToList();

        var days = new Dictionary<DateOnly, DayActivity>();
        foreach (var group in all.Where(l => l.Sets.Count > 0).GroupBy(l => ExerciseStatistics.DayOf(l.Session.StartedAt, zone)))
            days[group.Key] = new DayActivity(group.Key, group.Count(),
                TimeSpan.FromTicks(group.SelectMany(l => l.Sets).Sum(s => s.Duration.Ticks)),
                group.SelectMany(l => l.Sets).Sum(ExerciseMeasure.CountedReps));

        var weeks = new List<DateOnly>();
        if (all.Count > 0)
        {
            var first = ExerciseStatistics.WeekOf(ExerciseStatistics.DayOf(all[^1].Session.StartedAt, zone));
            var lastSession = ExerciseStatistics.WeekOf(ExerciseStatistics.DayOf(all[0].Session.StartedAt, zone));
            var last = ExerciseStatistics.WeekOf(today) > lastSession ? ExerciseStatistics.WeekOf(today) : lastSession;
            for (var w = first; w <= last; w = w.AddDays(7)) weeks.Add(w);
        }

        var records = sets
            .GroupBy(x => x.Set.Exercise, StringComparer.Ordinal)
            .Select(g => Record(g.Key, g.OrderBy(x => x.Set.StartedAt).ToList()))
            .OrderBy(r => CatalogueOrder(r.Exercise)).ThenBy(r => r.Exercise, StringComparer.Ordinal)
            .ToList();

        return new ProgressHistory(today, all.Select(SessionSummary.Of).ToList(), days, weeks,
            ExerciseStatistics.Totals(all, StatsPeriod.Week, zone), records, StreaksOf(days.Keys.ToHashSet(), today),
            all.ToDictionary(l => l.Session.Id, l => l.Sets.Sum(ExerciseMeasure.VolumeKg)));
    }

    private static PersonalRecord Record(string exercise, IReadOnlyList<(SessionLog Log, StoredSet Set)> sets)
    {
        RecordMark? mostReps = null, heaviest = null, longest = null;
        foreach (var (log, set) in sets)
        {
            if (ExerciseMeasure.IsTimed(exercise))
                Beat(ref longest, ExerciseMeasure.TimedLength(set).TotalSeconds, log, set);
            else
            {
                Beat(ref mostReps, set.Reps, log, set);
                if (set.WeightKg is { } kg) Beat(ref heaviest, kg, log, set);
            }
        }
        return new PersonalRecord(exercise, mostReps, heaviest, longest, sets.Count,
            sets.Sum(x => ExerciseMeasure.CountedReps(x.Set)),
            TimeSpan.FromTicks(sets.Sum(x => (ExerciseMeasure.IsTimed(exercise) ? ExerciseMeasure.TimedLength(x.Set) : x.Set.Duration).Ticks)),
            sets.Sum(x => ExerciseMeasure.VolumeKg(x.Set)));
    }

    /// <summary>Keeps the first time a best was reached: a later equal value is no new record.</summary>
    private static void Beat(ref RecordMark? best, double value, SessionLog log, StoredSet set)
    {
        if (value > 0 && double.IsFinite(value) && (best is null || value > best.Value))
            best = new RecordMark(value, log.Session.Id, set.StartedAt);
    }

    private static TrainingStreaks StreaksOf(IReadOnlySet<DateOnly> days, DateOnly today)
    {
        var weeks = days.Select(ExerciseStatistics.WeekOf).ToHashSet();
        return new TrainingStreaks(
            Current(weeks, ExerciseStatistics.WeekOf(today), 7), Longest(weeks, 7),
            Current(days, today, 1), Longest(days, 1));
    }

    /// <summary>The run ending at <paramref name="now"/>, or at the step before it when <paramref name="now"/> itself is not (yet) active.</summary>
    private static int Current(IReadOnlySet<DateOnly> active, DateOnly now, int step)
    {
        var at = active.Contains(now) ? now : now.AddDays(-step);
        int run = 0;
        while (active.Contains(at)) { run++; at = at.AddDays(-step); }
        return run;
    }

    private static int Longest(IReadOnlySet<DateOnly> active, int step)
    {
        int longest = 0;
        foreach (var start in active.Where(d => !active.Contains(d.AddDays(-step))))
        {
            int run = 0;
            for (var d = start; active.Contains(d); d = d.AddDays(step)) run++;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static int CatalogueOrder(string exercise)
    {
        int index = Core.ExerciseCatalog.IndexOf(exercise);
        return index < 0 ? int.MaxValue : index;
    }
}
