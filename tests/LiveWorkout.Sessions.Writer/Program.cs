using System.Globalization;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Sessions;

// Usage: LiveWorkout.Sessions.Writer <db> <checkpoint-seconds> <reps-before-ready>
// Records one squat set, a rep and a timeline sample per media second, prints
// "checkpoint <reps> <end_ms>" after every checkpoint and "ready <reps> <end_ms>" once
// <reps-before-ready> reps were seen; then sleeps mid-set until the test kills it.
string db = args[0];
var interval = TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture));
int repsBeforeReady = int.Parse(args[2], CultureInfo.InvariantCulture);

var store = SessionStore.Open(db);
var recorder = store.StartRecording(
    new NewSession(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), "writer", "test", "cpu"),
    new LiveWorkout.Sessions.Recording.SessionRecorderOptions { CheckpointInterval = interval });
Console.Out.Flush();

recorder.Record(new TimelineSample(TimeSpan.Zero, "idle", 0.9));
recorder.Record(new SetStarted(TimeSpan.FromSeconds(1), "squat", 0.8));
int checkpoints = recorder.Checkpoints;
for (int rep = 1; rep <= repsBeforeReady; rep++)
{
    var t = TimeSpan.FromSeconds(1 + rep);
    foreach (SessionEvent e in new SessionEvent[] { new TimelineSample(t, "squat", 0.85), new RepCounted(t, "squat", rep) })
    {
        recorder.Record(e);
        if (recorder.Checkpoints == checkpoints) continue;
        checkpoints = recorder.Checkpoints;
        Console.WriteLine($"checkpoint {(e is RepCounted ? rep : rep - 1)} {(long)t.TotalMilliseconds}");
    }
}
Console.WriteLine($"ready {repsBeforeReady} {(long)TimeSpan.FromSeconds(1 + repsBeforeReady).TotalMilliseconds}");
Console.Out.Flush();
Thread.Sleep(Timeout.Infinite);
GC.KeepAlive(recorder);
