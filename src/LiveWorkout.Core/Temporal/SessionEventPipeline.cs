using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Frame predictions in, session events out: <see cref="SessionTracker"/> per subscription,
/// events of the frame source (SourceLost/SourceRecovered) merged in, and, when
/// <see cref="TemporalOptions.SourceLostAfterSeconds"/> is set, a watchdog on the injected
/// scheduler that reports a silent source itself. At end of stream an open set is closed; on
/// error it is closed too before the error goes on, so the session log keeps it.
/// </summary>
public sealed class SessionEventPipeline
{
    private readonly IReadOnlyList<string> _classes;
    private readonly TemporalOptions _options;
    private readonly IScheduler _scheduler;

    /// <param name="classes">The model's classes. A model without an idle class (one trained on exercise
    /// footage only, like realdata-dev) still works: frames below the confidence threshold are idle.</param>
    public SessionEventPipeline(IReadOnlyList<string> classes, TemporalOptions options, IScheduler scheduler)
    {
        _classes = classes;
        _options = options;
        _scheduler = scheduler;
    }

    public IObservable<SessionEvent> Process(IObservable<FramePrediction> frames) => Process(frames, Observable.Empty<SessionEvent>());

    /// <param name="frames">The classifier's predictions.</param>
    /// <param name="sourceEvents">Events of the frame source, passed through as they come (their completion is ignored).</param>
    public IObservable<SessionEvent> Process(IObservable<FramePrediction> frames, IObservable<SessionEvent> sourceEvents) =>
        Observable.Create<SessionEvent>(observer =>
        {
            var gate = new object();
            var tracker = new SessionTracker(_classes, _options);
            var watchdog = new SerialDisposable();
            var silence = TimeSpan.FromSeconds(_options.SourceLostAfterSeconds);
            TimeSpan? lastFrame = null;
            bool lost = false, done = false;

            void Emit(IEnumerable<SessionEvent> events)
            {
                foreach (var e in events) observer.OnNext(e);
            }

            void Arm(TimeSpan frameTime)
            {
                if (silence <= TimeSpan.Zero) return;
                watchdog.Disposable = _scheduler.Schedule(silence, () =>
                {
                    lock (gate)
                    {
                        if (done || lost) return;
                        lost = true;
                        observer.OnNext(new SourceLost(frameTime + silence, $"no frame for {silence.TotalSeconds:0.#} s"));
                    }
                });
            }

            var passThrough = sourceEvents.Subscribe(
                e => { lock (gate) if (!done) observer.OnNext(e); },
                error => { lock (gate) if (!done) { done = true; Emit(tracker.Complete()); observer.OnError(error); } });

            var main = frames.Subscribe(
                frame =>
                {
                    lock (gate)
                    {
                        if (done) return;
                        if (lost && lastFrame is { } previous)
                        {
                            observer.OnNext(new SourceRecovered(frame.Time, frame.Time - previous));
                            lost = false;
                        }
                        lastFrame = frame.Time;
                        Emit(tracker.Push(frame));
                        Arm(frame.Time);
                    }
                },
                error => { lock (gate) if (!done) { done = true; watchdog.Dispose(); Emit(tracker.Complete()); observer.OnError(error); } },
                () => { lock (gate) if (!done) { done = true; watchdog.Dispose(); Emit(tracker.Complete()); observer.OnCompleted(); } });

            return new CompositeDisposable(main, passThrough, watchdog);
        });
}
