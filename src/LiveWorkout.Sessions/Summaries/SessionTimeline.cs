namespace LiveWorkout.Sessions;

/// <summary>Interleaves a session's sets with the rests between them and its source gaps, in time order.</summary>
public static class SessionTimeline
{
    /// <summary>Rests shorter than this are the segmenter's hand-over, not a pause worth a line.</summary>
    public static readonly TimeSpan MinimumRest = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<TimelineEntry> Of(SessionLog log)
    {
        var entries = new List<TimelineEntry>();
        TimeSpan? previousEnd = null;
        foreach (var set in log.Sets.OrderBy(s => s.Start))
        {
            if (previousEnd is { } end && set.Start - end >= MinimumRest)
                entries.Add(new TimelineEntry(TimelineEntryKind.Rest, end, set.Start, null, null));
            entries.Add(new TimelineEntry(TimelineEntryKind.Set, set.Start, set.End, set, null));
            previousEnd = set.End;
        }
        foreach (var gap in log.Gaps)
            entries.Add(new TimelineEntry(TimelineEntryKind.SourceGap, gap.Lost, gap.Recovered ?? gap.Lost, null, gap.Reason));
        return entries.OrderBy(e => e.Start).ThenBy(e => e.Kind).ToList();
    }
}
