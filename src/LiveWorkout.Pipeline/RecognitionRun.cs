using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Pose;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Sessions;
using LiveWorkout.Sessions.Recording;
using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Pose;
using Microsoft.Extensions.Logging;

namespace LiveWorkout.Pipeline;

/// <summary>
/// One run of the pipeline of DESIGN.md: capture (own thread) → preprocessing by the model's
/// spec → classifier (own thread, micro-batches) → temporal logic (Rx, on media time) →
/// session log, status overlay, console and optional recording. Cancelling ends it cleanly:
/// the open set is closed, the log flushed, the result returned.
/// </summary>
public sealed class RecognitionRun(RecognitionSettings settings, ILogger logger)
{
    private InferenceWorker? _worker;

    /// <summary>Each session event as it happens (on the inference thread).</summary>
    public event Action<SessionEvent>? EventRaised;

    /// <summary>Frames classified so far (any thread; 0 before the run starts).</summary>
    public long FramesClassified => _worker?.FramesClassified ?? 0;

    /// <summary>Tensors alive on the inference thread after its last batch (-1 before the first).</summary>
    public long LiveTensors => _worker?.LiveTensors ?? -1;

    public async Task<RecognitionResult> RunAsync(CancellationToken cancellation)
    {
        using var package = ModelPackage.Load(settings.ModelPath);
        var device = TorchRuntime.SelectDevice(settings.Device);
        using var threads = TorchRuntime.OneThreadForLandmarks(package.IsLandmarks, device);
        var source = SourceSpec.Parse(settings.Source);
        using var preprocessor = PoseStage.FrontEndFor(package);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        var capture = new FrameCapture(source, preprocessor, new CaptureSettings
        {
            Request = settings.Capture,
            Realtime = settings.Realtime,
            ReconnectMax = settings.ReconnectMax,
            RecordPath = settings.RecordPath,
            MaxFrames = settings.MaxFrames,
        }, logger);

        var status = new StatusBoard();
        using var window = settings.ShowWindow ? new OverlayWindow($"LiveWorkout - {source.Location}", status, stop, () => preprocessor.Region, preprocessor as PoseFrontEnd) : null;
        if (window is not null) capture.FrameCaptured += window.Show;

        var predictions = new Subject<FramePrediction>();
        var sourceEvents = new Subject<SessionEvent>();
        capture.SourceEvent += e => { status.OnSourceEvent(e); sourceEvents.OnNext(e); };

        var events = new List<SessionEvent>();
        var eventLatencies = new LatencyWindow(20_000);
        InferenceWorker? worker = null;
        var kept = new List<FramePrediction>();
        long personFrames = 0, facingFrames = 0;
        TimeSpan? lastTime = null;
        var temporal = new SessionEventPipeline(package.Classes, settings.Temporal, Scheduler.Default);

        var store = settings.DatabasePath is null ? null : SessionStore.Open(settings.DatabasePath);
        var wallStart = DateTimeOffset.Now;
        // The session row is written with the first analysed frame: a source that never delivers
        // one (a damaged file, a missing camera, a refused stream) leaves nothing in the log.
        var recorderGate = new object();
        SessionRecorder? recorder = null;
        var earlySourceEvents = new List<SessionEvent>();
        SessionRecorder? Recorder()
        {
            if (store is null) return null;
            if (recorder is null)
            {
                recorder = store.StartRecording(new NewSession(capture.RecordedAt ?? wallStart, source.Location,
                    $"{package.Architecture} ({settings.ModelPath})", TorchRuntime.DescribeDevice(device)));
                foreach (var early in earlySourceEvents) recorder.Record(early);
                earlySourceEvents.Clear();
            }
            return recorder;
        }
        void Record(SessionEvent e)
        {
            lock (recorderGate)
            {
                if (recorder is null && e is SourceLost or SourceRecovered) earlySourceEvents.Add(e);
                else Recorder()?.Record(e);
            }
        }

        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = temporal.Process(predictions, sourceEvents).Subscribe(
            e =>
            {
                events.Add(e);
                // Events a frame triggers arrive on the inference thread while that frame is emitted;
                // those of the last results, given when the source ended, are not live.
                if (e is not (SourceLost or SourceRecovered) && worker is { SourceEnded: false, CurrentCapturedAt: > 0 and var at })
                    eventLatencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                status.OnSessionEvent(e);
                Record(e);
                EventRaised?.Invoke(e);
            },
            error => finished.TrySetException(error),
            () => finished.TrySetResult());

        worker = _worker = new InferenceWorker(package, device, source.IsLive ? 1 : settings.MaxBatch)
        {
            Predictions = predictions,
            FullBatches = !source.IsLive && !settings.Realtime,
            UseTemporalHead = settings.UseTemporalHead,
            Classified = (p, age) =>
            {
                if (recorder is null) lock (recorderGate) Recorder();
                if (settings.KeepPredictions) kept.Add(settings.KeepEmbeddings ? p : new FramePrediction(p.Index, p.Time, p.Probabilities, [], p.RepPhase));
                lastTime = p.Time;
                if (package.IsLandmarks && LandmarkFeatures.ShowsPerson(p.Embedding))
                {
                    personFrames++;
                    if (LandmarkFeatures.FacesCamera(p.Embedding)) facingFrames++;
                }
                status.OnPrediction(p, package.Classes, age, capture.Counters.Dropped);
            },
        };

        var clock = Stopwatch.StartNew();
        var captureTask = capture.Start(stop.Token);
        var inferenceTask = worker.Start(capture.Frames, capture.Pool);
        try
        {
            await Task.WhenAll(captureTask, inferenceTask).ConfigureAwait(false);
            await finished.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (recorderGate)
            {
                try
                {
                    if (recorder is not null && capture.SourceProblem is { } problem) recorder.FlagSourceProblem(problem);
                }
                finally
                {
                    recorder?.Dispose();
                }
            }
        }
        clock.Stop();
        if (worker.FramesClassified == 0 && !stop.IsCancellationRequested && !source.IsLive)
            throw new SourceUnavailableException($"{source.Location} has no frame that could be decoded (the file is empty or damaged), so nothing was logged: check the file plays in a video player, or record it again.");

        var sets = events.OfType<SetEnded>().Select(e => e.Set).ToList();
        if (settings.RecordPath is not null && File.Exists(settings.RecordPath))
            new ClipAnnotation(sets.Select(s => new AnnotatedSet(s.Start, s.End, s.Exercise, s.Reps, s.RepTimes))).Save(ClipAnnotation.PathFor(settings.RecordPath));

        TimeSpan media = lastTime is { } last ? last + TimeSpan.FromSeconds(1 / Math.Max(1, capture.Counters.SourceFps)) : TimeSpan.Zero;
        return new RecognitionResult(recorder?.SessionId, events, sets, kept, package.Classes, worker.FramesClassified, capture.Counters.Dropped,
            capture.Counters.Skipped, media, clock.Elapsed, worker.Latencies, eventLatencies.ToList(), TorchRuntime.DescribeDevice(device), capture.Counters.FrontEndMilliseconds)
        {
            SourceProblem = capture.SourceProblem,
            PersonFrames = package.IsLandmarks ? personFrames : null,
            FacingFrames = package.IsLandmarks ? facingFrames : null,
            FlushedAtEnd = worker.FlushedAtEnd,
            FlushAgeMs = worker.FlushAgeMs,
        };
    }
}
