namespace LiveWorkout.Sessions;

public enum TimelineEntryKind { Set, Rest, SourceGap }
