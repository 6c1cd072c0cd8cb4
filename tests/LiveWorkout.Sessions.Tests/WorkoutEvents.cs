using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Sessions.Tests;

/// <summary>Hand-written pipeline output of a short workout, with exact numbers the tests check.</summary>
public static class WorkoutEvents
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>
    /// squat 10:00-30:00 s (4 reps), rest, push_up 45-60 s (3 reps), source lost 62-70 s,
    /// plank 75-105 s (30 s hold), session ends at 110 s.
    /// </summary>
    public static IReadOnlyList<SessionEvent> ShortWorkout()
    {
        var events = new List<SessionEvent>();
        for (int t = 0; t <= 110; t += 5)
            events.Add(new TimelineSample(S(t), Label(t), 0.9));
        events.Add(new SetStarted(S(10), "squat", 0.7));
        foreach (double r in new[] { 14.0, 18.5, 23.0, 27.5 }) events.Add(new RepCounted(S(r), "squat", events.OfType<RepCounted>().Count(x => x.Exercise == "squat") + 1));
        events.Add(new SetEnded(S(30), new("squat", S(10), S(30), 4, [S(14), S(18.5), S(23), S(27.5)], 0.875, null)));
        events.Add(new RestStarted(S(30)));
        events.Add(new SetStarted(S(45), "push_up", 0.8));
        foreach (double r in new[] { 49.0, 53.0, 57.0 }) events.Add(new RepCounted(S(r), "push_up", events.OfType<RepCounted>().Count(x => x.Exercise == "push_up") + 1));
        events.Add(new SetEnded(S(60), new("push_up", S(45), S(60), 3, [S(49), S(53), S(57)], 0.8125, null)));
        events.Add(new RestStarted(S(60)));
        events.Add(new SourceLost(S(62), "stream stalled"));
        events.Add(new SourceRecovered(S(70), S(8)));
        events.Add(new SetStarted(S(75), "plank", 0.9));
        events.Add(new SetEnded(S(105), new("plank", S(75), S(105), 0, [], 0.93, S(30))));
        events.Add(new RestStarted(S(105)));
        return events.Select((e, i) => (e, i)).OrderBy(x => x.e.Time).ThenBy(x => x.i).Select(x => x.e).ToList();
    }

    private static string Label(int t) => t switch
    {
        >= 10 and < 30 => "squat",
        >= 45 and < 60 => "push_up",
        >= 75 and < 105 => "plank",
        _ => "idle",
    };

    /// <summary>Records <see cref="ShortWorkout"/> into the store as a finished session.</summary>
    public static long Record(SessionStore store, DateTimeOffset? start = null, string notes = "")
    {
        using var recorder = store.StartRecording(new NewSession(start ?? Start, "clip.mp4", "models/default", "cpu", notes));
        foreach (var e in ShortWorkout()) recorder.Record(e);
        recorder.Complete();
        return recorder.SessionId;
    }
}
