namespace LiveWorkout.Pipeline;

/// <summary>What <c>bench pipeline</c> runs.</summary>
public sealed record PipelineBenchSettings(string ModelPath, string Device, double ReplaySeconds = 60, double LiveSeconds = 20, double MemorySeconds = 300, int Seed = 7);
