using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Sessions.Recording;

/// <summary>
/// A plausible, deterministic workout as the pipeline would report it: sets with reps at a steady
/// cadence, rests, a plank hold, a dropped stream and a 1 Hz timeline. For the report screenshot,
/// demos and tests (hidden command <c>sessions seed-demo</c>).
/// </summary>
public static class DemoWorkout
{
    private sealed record Plan(string Exercise, double Seconds, double RepSeconds, double RestAfter);

    private static readonly Plan[] Plans =
    [
        new("jumping_jack", 40, 1.1, 25), new("squat", 38, 2.6, 45), new("push_up", 30, 2.1, 50),
        new("lunge", 44, 3.0, 40), new("plank", 45, 0, 50), new("squat", 35, 2.5, 45),
        new("bicep_curl", 36, 2.4, 40), new("shoulder_press", 33, 2.7, 45), new("sit_up", 32, 2.2, 30), new("running", 60, 0.7, 20),
    ];

    /// <summary>The events of the demo workout, in time order.</summary>
    public static IReadOnlyList<SessionEvent> Events(int seed = 7)
    {
        var random = new Random(seed);
        var events = new List<SessionEvent>();
        var labels = new SortedDictionary<int, (string Label, double Confidence)>();
        double t = 12;
        for (int p = 0; p < Plans.Length; p++)
        {
            var plan = Plans[p];
            double duration = plan.Seconds + random.NextDouble() * 6 - 3;
            var start = TimeSpan.FromSeconds(Math.Round(t, 1));
            var end = TimeSpan.FromSeconds(Math.Round(t + duration, 1));
            double baseConfidence = 0.72 + random.NextDouble() * 0.22;
            events.Add(new SetStarted(start, plan.Exercise, baseConfidence));
            var reps = new List<TimeSpan>();
            if (plan.RepSeconds > 0 && plan.Exercise != "running")
                for (double r = t + plan.RepSeconds; r < t + duration - 0.3; r += plan.RepSeconds * (0.92 + random.NextDouble() * 0.16))
                {
                    reps.Add(TimeSpan.FromSeconds(Math.Round(r, 2)));
                    events.Add(new RepCounted(reps[^1], plan.Exercise, reps.Count));
                }
            double confidenceSum = 0;
            int samples = 0;
            for (int s = (int)Math.Ceiling(t); s < t + duration; s++)
            {
                double c = Math.Clamp(baseConfidence + (random.NextDouble() - 0.5) * 0.2 - (s - t < 2 ? 0.15 : 0), 0.3, 0.99);
                labels[s] = (plan.Exercise, c);
                confidenceSum += c;
                samples++;
            }
            TimeSpan? hold = ExerciseCatalog.IsStaticHold(plan.Exercise) ? end - start : null;
            events.Add(new SetEnded(end, new RecognizedSet(plan.Exercise, start, end, reps.Count, reps, samples > 0 ? confidenceSum / samples : baseConfidence, hold)));
            events.Add(new RestStarted(end));
            t += duration + plan.RestAfter + random.NextDouble() * 10;
        }
        int last = (int)t;
        for (int s = 0; s <= last; s++)
            if (!labels.ContainsKey(s)) labels[s] = (ExerciseCatalog.Idle, 0.8 + random.NextDouble() * 0.18);

        // The camera stream drops for 8 s during the third rest.
        var lost = TimeSpan.FromSeconds(Math.Round(((SetEnded)events.OfType<SetEnded>().ElementAt(2)).Time.TotalSeconds + 15));
        events.Add(new SourceLost(lost, "camera stream stalled"));
        events.Add(new SourceRecovered(lost + TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)));
        foreach (var (second, (label, confidence)) in labels)
            if (second < lost.TotalSeconds || second >= lost.TotalSeconds + 8)
                events.Add(new TimelineSample(TimeSpan.FromSeconds(second), label, Math.Round(confidence, 3)));

        // Stable sort: events at the same time keep their logical order (start, reps, end).
        return events.Select((e, i) => (e, i)).OrderBy(x => x.e.Time).ThenBy(x => x.i).Select(x => x.e).ToList();
    }

    /// <summary>Records the demo workout as a new session and returns its id.</summary>
    public static long Seed(SessionStore store, DateTimeOffset startedAt, int seed = 7)
    {
        using var recorder = store.StartRecording(new NewSession(startedAt, "recordings/demo.mp4", "models/default (kim-cnn)", "cpu", "demo session"));
        foreach (var e in Events(seed)) recorder.Record(e);
        recorder.Complete();
        return recorder.SessionId;
    }
}
