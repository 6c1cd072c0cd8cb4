namespace LiveWorkout.Sessions;

/// <summary>A personal best: its value (reps, kilograms or seconds), and the session and time it was first reached.</summary>
public sealed record RecordMark(double Value, long SessionId, DateTimeOffset At);
