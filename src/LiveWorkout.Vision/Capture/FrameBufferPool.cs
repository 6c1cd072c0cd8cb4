using System.Collections.Concurrent;

namespace LiveWorkout.Vision.Capture;

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
