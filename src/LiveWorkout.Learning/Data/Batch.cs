using System.Collections.Concurrent;
using System.Threading.Channels;

namespace LiveWorkout.Learning.Data;

/// <summary>A batch of model inputs (Count x C x H x W floats) and their labels; managed memory only.</summary>
public sealed record Batch(float[] Pixels, long[] Labels, int Count, string[] Paths, int Channels, int Height, int Width)
{
    public long[] Shape => [Count, Channels, Height, Width];

    /// <summary>The filled part of <see cref="Pixels"/> (failed images leave the tail unused).</summary>
    public ReadOnlySpan<float> Data => Pixels.AsSpan(0, Count * Channels * Height * Width);
}
