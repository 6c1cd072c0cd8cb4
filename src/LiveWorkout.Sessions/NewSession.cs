namespace LiveWorkout.Sessions;

/// <summary>What is known when a session starts. <paramref name="StartedAt"/> is the wall-clock time of media time zero.</summary>
public sealed record NewSession(DateTimeOffset StartedAt, string Source, string Model, string Device, string Notes = "");
