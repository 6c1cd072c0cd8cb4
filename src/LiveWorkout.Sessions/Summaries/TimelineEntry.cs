namespace LiveWorkout.Sessions;

/// <summary>One line of <c>sessions show</c>: a set, the rest after it, or a stretch without frames.</summary>
public sealed record TimelineEntry(TimelineEntryKind Kind, TimeSpan Start, TimeSpan End, StoredSet? Set, string? Detail)
{
    public TimeSpan Duration => End - Start;
}
