using System.Diagnostics;
using System.Threading.Channels;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Vision.Capture;
using TorchSharp;

namespace LiveWorkout.Pipeline;

/// <summary>
/// The classifier stage: one dedicated thread owns the network (TorchSharp dispose scopes are
/// thread-static) and turns frame samples into predictions. When frames are waiting (replay)
/// it classifies them in micro-batches; live, the capture channel holds only the newest frame.
/// Emits managed predictions in frame order to <see cref="Predictions"/>.
/// </summary>
public sealed class InferenceWorker
{
    private readonly ModelPackage _package;
    private readonly torch.Device _device;
    private readonly int _maxBatch;
    private readonly LatencyWindow _latencies = new(20_000);

    public InferenceWorker(ModelPackage package, torch.Device device, int maxBatch)
    {
        _package = package;
        _device = device;
        _maxBatch = Math.Max(1, maxBatch);
    }

    /// <summary>Receives every prediction, on the inference thread; completes when the frames end.</summary>
    public required IObserver<FramePrediction> Predictions { get; init; }

    /// <summary>
    /// Wait for full batches (the last may be short) instead of taking what is waiting. Replay
    /// sets it: libtorch's float results depend on the batch size, so batches that follow the
    /// machine's timing would make two replays of one clip differ in the last bits.
    /// </summary>
    public bool FullBatches { get; init; }

    /// <summary>False: classify each frame with the CNN alone even when the package has a temporal head.</summary>
    public bool UseTemporalHead { get; init; } = true;

    /// <summary>Called after each prediction with its capture-to-result age, on the inference thread.</summary>
    public Action<FramePrediction, TimeSpan>? Classified { get; init; }

    /// <summary>
    /// Capture-to-prediction latencies in milliseconds of the most recent frames (read after the run).
    /// Only results given while frames still came: those a temporal head gives when the source ends
    /// are counted in <see cref="FlushedAtEnd"/>, since their age is how long the source took to end.
    /// </summary>
    public IReadOnlyList<double> Latencies => _latencies.ToList();

    /// <summary>Results given when the source ended (a temporal head's look-ahead frames).</summary>
    public int FlushedAtEnd { get; private set; }

    /// <summary>How long after the capture of the last frame the results of <see cref="FlushedAtEnd"/> came, ms.</summary>
    public double? FlushAgeMs { get; private set; }

    /// <summary>True once the source has ended and the last results are being given (read on the inference thread, from observers).</summary>
    public bool SourceEnded { get; private set; }

    /// <summary>Stopwatch timestamp of the capture of the frame being emitted: read it from <see cref="Predictions"/>' observers, which run on this thread.</summary>
    public long CurrentCapturedAt { get; private set; }

    /// <summary>Frames classified so far (any thread).</summary>
    public long FramesClassified => Interlocked.Read(ref _classified);

    /// <summary>
    /// Tensors alive on the inference thread after the last batch (DisposeScopeManager's exact
    /// per-thread count, which only the owning thread can read); -1 before the first batch.
    /// </summary>
    public long LiveTensors => Interlocked.Read(ref _liveTensors);

    private long _classified, _liveTensors = -1;

    public Task Start(ChannelReader<FrameSample> frames, FrameBufferPool pool)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(frames, pool);
                Predictions.OnCompleted();
                done.SetResult();
            }
            catch (Exception e)
            {
                Predictions.OnError(e);
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "inference" };
        thread.Start();
        return done.Task;
    }

    private void Run(ChannelReader<FrameSample> frames, FrameBufferPool pool)
    {
        using var classifier = new FrameClassifier(_package, _device, UseTemporalHead);
        var batch = new float[_maxBatch * pool.Length];
        var samples = new List<FrameSample>(_maxBatch);
        var times = new TimeSpan[_maxBatch];
        var pending = new Queue<FrameSample>();
        // The capture channel completes when the source ends or the run is cancelled, so waiting
        // on it (not on the token) lets every captured frame through.
        while (frames.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            samples.Clear();
            while (samples.Count < _maxBatch)
            {
                if (!frames.TryRead(out var sample))
                {
                    if (FullBatches && frames.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()) continue;
                    break;
                }
                sample.Pixels.AsSpan().CopyTo(batch.AsSpan(samples.Count * pool.Length, pool.Length));
                pool.Return(sample.Pixels);
                times[samples.Count] = sample.Time;
                samples.Add(sample);
            }
            if (samples.Count == 0) continue;

            foreach (var sample in samples) pending.Enqueue(sample);
            Emit(classifier.Predict(batch, samples.Count, times), pending, samples[^1].CapturedAt);
            Interlocked.Exchange(ref _liveTensors, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
        SourceEnded = true;
        if (pending.Count > 0) Emit(classifier.Flush(), pending, pending.Last().CapturedAt);
    }

    /// <summary>
    /// Emits the results for the oldest pending frames. A temporal head's result for a frame comes
    /// once its look-ahead has passed, so the age reported is that of the newest frame it waited
    /// for: how stale the pipeline is, not the look-ahead, which is fixed by the model.
    /// </summary>
    private void Emit(ClassifierOutput output, Queue<FrameSample> pending, long newestCapturedAt)
    {
        for (int i = 0; i < output.Probabilities.Length; i++)
        {
            var sample = pending.Dequeue();
            var prediction = new FramePrediction(sample.Index, sample.Time, output.Probabilities[i], output.Embeddings[i], output.RepPhases?[i]);
            TimeSpan age = Stopwatch.GetElapsedTime(newestCapturedAt);
            if (SourceEnded)
            {
                FlushedAtEnd++;
                FlushAgeMs ??= age.TotalMilliseconds;
            }
            else _latencies.Add(age.TotalMilliseconds);
            CurrentCapturedAt = newestCapturedAt;
            Predictions.OnNext(prediction);
            Classified?.Invoke(prediction, age);
            Interlocked.Increment(ref _classified);
        }
    }
}
