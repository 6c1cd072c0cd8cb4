using LiveWorkout.Learning.Benchmarks;

namespace LiveWorkout.Commands;

public sealed record TorchBenchReport(string Device, string Allocator, int Cores, IReadOnlyList<TorchBenchRow> Rows, IReadOnlyList<TorchBenchRow>? GlibcDefaults);
