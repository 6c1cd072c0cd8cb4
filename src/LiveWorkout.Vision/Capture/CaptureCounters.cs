using Microsoft.Extensions.Logging.Abstractions;

namespace LiveWorkout.Vision.Capture;

/// <summary>Counters a capture run keeps; read them from any thread.</summary>
public sealed class CaptureCounters
{
    private long _captured, _dropped;
    public long Captured => Interlocked.Read(ref _captured);
    public long Dropped => Interlocked.Read(ref _dropped);
    public int Skipped { get; internal set; }
    public int Reconnects { get; internal set; }
    public double SourceFps { get; internal set; }
    internal void CountCaptured() => Interlocked.Increment(ref _captured);

    private readonly double[] _frontEnd = new double[4096];
    private long _frontEndCount;

    /// <summary>The front end's time (preprocessing or pose stage) of the most recent frames, milliseconds; read after the run.</summary>
    public IReadOnlyList<double> FrontEndMilliseconds
    {
        get
        {
            long n = Interlocked.Read(ref _frontEndCount);
            return n <= _frontEnd.Length ? _frontEnd.Take((int)n).ToArray() : _frontEnd.ToArray();
        }
    }

    internal void AddFrontEnd(double milliseconds) => _frontEnd[(Interlocked.Increment(ref _frontEndCount) - 1) % _frontEnd.Length] = milliseconds;
    internal void CountDropped(long frames = 1) => Interlocked.Add(ref _dropped, frames);
}
