namespace LiveWorkout.Sessions.Recording;

/// <summary>How often a recorder checkpoints, in media time.</summary>
public sealed record SessionRecorderOptions
{
    /// <summary>An open set, the timeline and the session length reach the file at least this often (media time).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(5);
}
