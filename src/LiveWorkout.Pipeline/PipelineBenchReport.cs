namespace LiveWorkout.Pipeline;

public sealed record PipelineBenchReport(string Device, string Model, int Cores, double LoadAverage1Min, ReplayFigures Replay, IReadOnlyList<LatencyFigures> Live, MemoryFigures Memory);
