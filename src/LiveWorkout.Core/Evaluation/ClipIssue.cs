namespace LiveWorkout.Core.Evaluation;

/// <summary>A clip left out of an evaluation, and why.</summary>
public sealed record ClipIssue(string Clip, string Reason);
