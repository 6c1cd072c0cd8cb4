namespace LiveWorkout.Pipeline;

public sealed record MemoryFigures(string Clip, long Frames, IReadOnlyList<MemoryPoint> Series);
