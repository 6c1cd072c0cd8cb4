using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Benchmarks;

/// <summary>One architecture's size, compute and measured speed.</summary>
public sealed record ModelBenchRow(string Architecture, string Input, long Parameters, long MacsPerImage, double TrainExamplesPerSecond, double InferenceImagesPerSecond);
