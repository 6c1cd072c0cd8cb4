namespace LiveWorkout.Learning.Data;

/// <summary>A file that was left out, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
