using System.Collections.Concurrent;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// One preprocessed frame on its way to the classifier: managed floats only (no Mat leaves the
/// capture thread). <see cref="Pixels"/> comes from a <see cref="FrameBufferPool"/> and goes back
/// to it once the classifier has copied it.
/// </summary>
/// <param name="Index">Frame number from 0.</param>
/// <param name="Time">Media time (replay) or time since capture started (live).</param>
/// <param name="Pixels">Model input, CHW floats.</param>
/// <param name="CapturedAt">Stopwatch timestamp of the capture, for frame-age measurements.</param>
public sealed record FrameSample(long Index, TimeSpan Time, float[] Pixels, long CapturedAt);

/// <summary>Reuses frame buffers: a frame of model input is larger than the GC's large-object threshold.</summary>
public sealed class FrameBufferPool(int length, int maxRetained = 64)
{
    private readonly ConcurrentQueue<float[]> _free = new();

    public int Length => length;

    public float[] Rent() => _free.TryDequeue(out var buffer) ? buffer : new float[length];

    public void Return(float[] buffer)
    {
        if (buffer.Length == length && _free.Count < maxRetained) _free.Enqueue(buffer);
    }
}
