namespace LiveWorkout.Sessions;

/// <summary>Open: the set was still running at the last checkpoint (a crash or a live session). Committed: it ended.</summary>
public enum SetStatus { Open, Committed }
