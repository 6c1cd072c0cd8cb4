namespace LiveWorkout.Learning.Benchmarks;

/// <summary>One measured configuration: images per second for a mode and batch size.</summary>
public sealed record TorchBenchRow(string Mode, int Batch, double ImagesPerSecond, double MillisecondsPerBatch, int Batches);
