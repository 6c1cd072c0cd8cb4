using System.Diagnostics;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// Hands the newest frame of a live source from the thread that reads it to the thread that
/// processes it, latest wins: a frame not taken before the next one arrives is dropped and
/// counted, so a processing step slower than the camera never lets frames pile up in the source.
/// Three Mats are swapped, never allocated per frame.
/// </summary>
public sealed class LatestFrameSlot : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _ready = new(0, 1);
    private Mat _waiting = new();
    private bool _hasFrame, _ended;
    private long _index;
    private TimeSpan _time;
    private long _capturedAt;

    /// <summary>Frames replaced before they were taken.</summary>
    public long Dropped { get; private set; }

    /// <summary>Reader side: swaps <paramref name="frame"/> (just read) into the slot; the caller gets the slot's old Mat to read into next.</summary>
    public void Put(ref Mat frame, long index, TimeSpan time)
    {
        lock (_gate)
        {
            (frame, _waiting) = (_waiting, frame);
            if (_hasFrame) Dropped++;
            _index = index;
            _time = time;
            _capturedAt = Stopwatch.GetTimestamp();
            bool signal = !_hasFrame;
            _hasFrame = true;
            if (signal && _ready.CurrentCount == 0) _ready.Release();
        }
    }

    /// <summary>Reader side: no more frames will come.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            if (_ready.CurrentCount == 0) _ready.Release();
        }
    }

    /// <summary>
    /// Processing side: waits for a frame and swaps it into <paramref name="frame"/>; false when the
    /// reader has ended and nothing is left.
    /// </summary>
    public bool Take(ref Mat frame, out long index, out TimeSpan time, out long capturedAt, CancellationToken cancellation)
    {
        while (true)
        {
            _ready.Wait(cancellation);
            lock (_gate)
            {
                if (_hasFrame)
                {
                    (frame, _waiting) = (_waiting, frame);
                    _hasFrame = false;
                    index = _index;
                    time = _time;
                    capturedAt = _capturedAt;
                    if (_ended && _ready.CurrentCount == 0) _ready.Release();
                    return true;
                }
                if (_ended)
                {
                    if (_ready.CurrentCount == 0) _ready.Release();
                    index = 0;
                    time = default;
                    capturedAt = 0;
                    return false;
                }
            }
        }
    }

    public void Dispose()
    {
        _waiting.Dispose();
        _ready.Dispose();
    }
}
