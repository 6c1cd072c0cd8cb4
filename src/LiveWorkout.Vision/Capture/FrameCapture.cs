using System.Diagnostics;
using System.Threading.Channels;
using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Vision.Preprocessing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// The capture stage: one thread, one reused Mat. Reads the source, timestamps each frame
/// (media time in replay, monotonic time live), optionally records it, lets an observer look
/// at it (the overlay), preprocesses it into pooled managed floats and writes it to a channel:
/// live sources keep only the newest frame (stale ones are dropped and counted), replay is
/// lossless and bounded. Dropped live streams are reopened with exponential back-off and the
/// gap is reported as SourceLost/SourceRecovered.
/// </summary>
public sealed class FrameCapture
{
    private readonly SourceSpec _source;
    private readonly IFrameFrontEnd _preprocessor;
    private readonly CaptureSettings _settings;
    private readonly ILogger _log;
    private readonly Channel<FrameSample> _channel;

    public FrameCapture(SourceSpec source, IFrameFrontEnd preprocessor, CaptureSettings settings, ILogger? log = null)
    {
        _source = source;
        _preprocessor = preprocessor;
        _settings = settings;
        _log = log ?? NullLogger.Instance;
        Pool = new FrameBufferPool(preprocessor.Length);
        _channel = source.IsLive
            ? Channel.CreateBounded<FrameSample>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
                dropped => { Counters.CountDropped(); Pool.Return(dropped.Pixels); })
            : Channel.CreateBounded<FrameSample>(new BoundedChannelOptions(Math.Max(1, settings.ReplayQueue)) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true });
    }

    public SourceSpec Source => _source;
    public FrameBufferPool Pool { get; }
    public CaptureCounters Counters { get; } = new();
    public ChannelReader<FrameSample> Frames => _channel.Reader;

    /// <summary>Once the capture ended: why the source gave less than all of itself (see <see cref="IFrameReader.Problem"/>); null when it did not.</summary>
    public string? SourceProblem { get; private set; }

    /// <summary>
    /// For a clip or image folder, once it is open: when it was recorded, as well as the files
    /// tell (a video's modification time less its length, an image folder's oldest image); null live.
    /// </summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>Source health events (SourceLost, SourceRecovered), raised on the capture thread.</summary>
    public event Action<SessionEvent>? SourceEvent;

    /// <summary>Each raw frame with its index, on the capture thread, before it is reused (draw, show; do not keep it).</summary>
    public event Action<Mat, long>? FrameCaptured;

    private CancellationToken _cancellation;

    /// <summary>Starts the capture thread. The channel completes when the source ends, fails or the token is cancelled.</summary>
    public Task Start(CancellationToken cancellation)
    {
        _cancellation = cancellation;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(cancellation);
                _channel.Writer.TryComplete();
                done.SetResult();
            }
            catch (OperationCanceledException)
            {
                _channel.Writer.TryComplete();
                done.SetResult();
            }
            catch (Exception e)
            {
                _channel.Writer.TryComplete(e);
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "frame-capture" };
        thread.Start();
        return done.Task;
    }

    /// <summary>Opens the source once, so a bad source fails before anything starts.</summary>
    public IFrameReader Open() => FrameReaders.Open(_source, _settings.Request);

    private void Run(CancellationToken cancellation)
    {
        if (_source.IsLive) RunLive(cancellation);
        else Read(cancellation, Process);
    }

    /// <summary>
    /// Live: one thread reads (and records) every frame, this one processes the newest
    /// (<see cref="LatestFrameSlot"/>), so the front end's time never makes frames wait in the source.
    /// </summary>
    private void RunLive(CancellationToken cancellation)
    {
        using var slot = new LatestFrameSlot();
        Exception? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                Read(cancellation, (ref Mat frame, long index, TimeSpan time, long _) => slot.Put(ref frame, index, time));
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                slot.End();
            }
        })
        { IsBackground = true, Name = "frame-reader" };
        reader.Start();
        var frame = new Mat();
        long slotDropped = 0;
        try
        {
            while (slot.Take(ref frame, out long index, out var time, out long capturedAt, cancellation))
            {
                Counters.CountDropped(slot.Dropped - slotDropped);
                slotDropped = slot.Dropped;
                Process(ref frame, index, time, capturedAt);
            }
        }
        finally
        {
            reader.Join();
            frame.Dispose();
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private delegate void FrameHandler(ref Mat frame, long index, TimeSpan time, long capturedAt);

    /// <summary>Reads the source into one reused Mat until it ends (replay) or is given up (live), recording each frame; hands every frame to <paramref name="handle"/>.</summary>
    private void Read(CancellationToken cancellation, FrameHandler handle)
    {
        IFrameReader? reader = Open();
        RecordedAt = RecordingTime(reader);
        var frame = new Mat();
        VideoWriter? recorder = null;
        var clock = Stopwatch.StartNew();
        Counters.SourceFps = reader.Fps;
        long index = 0;
        try
        {
            while (!cancellation.IsCancellationRequested && (_settings.MaxFrames is null || index < _settings.MaxFrames))
            {
                if (!reader.Read(frame))
                {
                    Counters.Skipped = reader.Skipped;
                    if (!_source.IsLive)
                    {
                        SourceProblem = reader.Problem;
                        break;
                    }
                    reader.Dispose();
                    reader = Reconnect(clock, cancellation);
                    if (reader is null) return;
                    continue;
                }
                Counters.Skipped = reader.Skipped;
                TimeSpan time = _source.IsLive ? clock.Elapsed : reader.MediaTimeOf(index);
                if (!_source.IsLive && _settings.Realtime) PaceTo(time, clock, cancellation);

                if (_settings.RecordPath is not null)
                {
                    recorder ??= OpenRecorder(_settings.RecordPath, frame.Size(), reader.Fps);
                    recorder.Write(frame);
                }
                Counters.CountCaptured();
                handle(ref frame, index, time, Stopwatch.GetTimestamp());
                index++;
            }
        }
        finally
        {
            reader?.Dispose();
            recorder?.Dispose();
            frame.Dispose();
        }
    }

    /// <summary>Runs the front end on one frame, lets observers see it and writes the sample to the channel.</summary>
#pragma warning disable IDE0060 // ref keeps one signature with the reader's hand-over
    private void Process(ref Mat frame, long index, TimeSpan time, long capturedAt)
#pragma warning restore IDE0060
    {
        float[] pixels = Pool.Rent();
        long start = Stopwatch.GetTimestamp();
        _preprocessor.ProcessInSequence(frame, time, pixels);
        Counters.AddFrontEnd(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        FrameCaptured?.Invoke(frame, index);
        var sample = new FrameSample(index, time, pixels, capturedAt);
        if (_source.IsLive) _channel.Writer.TryWrite(sample);
        else _channel.Writer.WriteAsync(sample, _cancellation).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Reopens a dropped live source with exponential back-off; null when it stays away longer than GiveUpAfter.</summary>
    private IFrameReader? Reconnect(Stopwatch clock, CancellationToken cancellation)
    {
        TimeSpan lostAt = clock.Elapsed;
        SourceEvent?.Invoke(new SourceLost(lostAt, $"{_source.Location} stopped delivering frames"));
        _log.LogWarning("Source {Source} lost at {Time:0.0} s; reconnecting", _source.Location, lostAt.TotalSeconds);
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (_settings.GiveUpAfter is { } limit && clock.Elapsed - lostAt > limit)
            {
                _log.LogWarning("Source {Source} delivered no frames for {Seconds:0} s; ending the run", _source.Location, limit.TotalSeconds);
                return null;
            }
            cancellation.WaitHandle.WaitOne(delay);
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var reader = FrameReaders.Open(_source, _settings.Request);
                Counters.Reconnects++;
                SourceEvent?.Invoke(new SourceRecovered(clock.Elapsed, clock.Elapsed - lostAt));
                _log.LogInformation("Source {Source} back after {Gap:0.0} s", _source.Location, (clock.Elapsed - lostAt).TotalSeconds);
                return reader;
            }
            catch (LiveWorkoutException)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.ReconnectMax.Ticks));
            }
        }
    }

    private DateTimeOffset? RecordingTime(IFrameReader reader)
    {
        try
        {
            switch (_source.Kind)
            {
                case SourceKind.VideoFile:
                    var written = new DateTimeOffset(File.GetLastWriteTimeUtc(_source.Location), TimeSpan.Zero);
                    double seconds = reader.FrameCount is { } count && reader.Fps > 0 ? count / reader.Fps : 0;
                    return written - TimeSpan.FromSeconds(seconds);
                case SourceKind.ImageFolder:
                    var files = _source.ImageFiles();
                    return files.Count == 0 ? null : new DateTimeOffset(files.Min(File.GetLastWriteTimeUtc), TimeSpan.Zero);
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void PaceTo(TimeSpan time, Stopwatch clock, CancellationToken cancellation)
    {
        TimeSpan wait = time - clock.Elapsed;
        if (wait > TimeSpan.Zero) cancellation.WaitHandle.WaitOne(wait);
    }

    private static VideoWriter OpenRecorder(string path, Size size, double fps) => Mp4Writer.Open(path, fps, size);
}
