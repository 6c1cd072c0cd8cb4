namespace LiveWorkout.Synthetic;

/// <summary>One row of <c>bench synth</c>: frames rendered per second at a size (scene set-up not counted).</summary>
public sealed record SynthBenchRow(int Width, int Height, int Frames, double FramesPerSecond, double SetupMilliseconds);
