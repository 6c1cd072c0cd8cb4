using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;

namespace LiveWorkout.Core.Tests.Temporal;

/// <summary>Plays frames on a HistoricalScheduler at their media time through the pipeline and records what comes out.</summary>
internal static class VirtualTimeRun
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<SessionEvent> Play(IReadOnlyList<FramePrediction> frames, TemporalOptions? options = null,
        Action<HistoricalScheduler, Subject<SessionEvent>>? sourceEvents = null)
    {
        var scheduler = new HistoricalScheduler(Epoch);
        var source = new Subject<FramePrediction>();
        var fromSource = new Subject<SessionEvent>();
        var pipeline = new SessionEventPipeline(SyntheticSession.Classes, options ?? new TemporalOptions(), scheduler);
        var events = new List<SessionEvent>();
        Exception? failure = null;
        bool completed = false;
        using var subscription = pipeline.Process(source, fromSource).Subscribe(events.Add, e => failure = e, () => completed = true);
        foreach (var frame in frames) scheduler.Schedule(Epoch + frame.Time, () => source.OnNext(frame));
        sourceEvents?.Invoke(scheduler, fromSource);
        var end = frames.Count > 0 ? frames[^1].Time : TimeSpan.Zero;
        scheduler.Schedule(Epoch + end + TimeSpan.FromSeconds(30), source.OnCompleted);
        scheduler.Start();
        Assert.Null(failure);
        Assert.True(completed);
        return events;
    }

    /// <summary>A readable line per event (records holding lists compare by reference, strings don't).</summary>
    public static string Describe(SessionEvent e) => e switch
    {
        SetStarted s => $"SetStarted {S(s.Time)} {s.Exercise}",
        SetEnded s => $"SetEnded {S(s.Time)} {s.Set.Exercise} {S(s.Set.Start)}-{S(s.Set.End)} reps={s.Set.Reps}" +
                      (s.Set.HoldDuration is { } h ? $" hold={S(h)}" : ""),
        RestStarted r => $"RestStarted {S(r.Time)}",
        RepCounted r => $"Rep {S(r.Time)} {r.Exercise} #{r.RepNumber}",
        SourceLost l => $"SourceLost {S(l.Time)}",
        SourceRecovered r => $"SourceRecovered {S(r.Time)} gap={S(r.Gap)}",
        TimelineSample t => $"Timeline {S(t.Time)} {t.Label} {t.Confidence:0.###}",
        _ => e.ToString(),
    };

    public static List<string> Describe(IEnumerable<SessionEvent> events, bool withTimeline = false) =>
        events.Where(e => withTimeline || e is not TimelineSample).Select(Describe).ToList();

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
}
