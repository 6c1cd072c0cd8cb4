using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Sessions.Export;

namespace LiveWorkout.Sessions.Tests;

/// <summary>
/// Timed exercises (plank, running) are measured in time in every view: totals, stats, CSV and
/// JSON agree; their reps (a run's strides) are never added to anyone's rep count, and a
/// correction cannot give them reps. Corrections take an exercise however it is spelled.
/// </summary>
public sealed class TimedExerciseTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    /// <summary>A session of 10 squats, then a 7 s run of 30 strides, then the short workout's plank.</summary>
    private (SessionStore Store, long Id) SquatsAndARun()
    {
        var store = SessionStore.Open(_db.Path);
        using var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "clip.mp4", "m", "cpu"));
        var squats = Enumerable.Range(1, 10).Select(i => TimeSpan.FromSeconds(2 * i)).ToArray();
        recorder.Record(new SetStarted(TimeSpan.Zero, "squat", 0.9));
        recorder.Record(new SetEnded(TimeSpan.FromSeconds(21), new RecognizedSet("squat", TimeSpan.Zero, TimeSpan.FromSeconds(21), 10, squats, 0.9, null)));
        var strides = Enumerable.Range(1, 30).Select(i => TimeSpan.FromSeconds(30 + i * 7.0 / 31)).ToArray();
        recorder.Record(new SetStarted(TimeSpan.FromSeconds(30), "running", 0.8));
        recorder.Record(new SetEnded(TimeSpan.FromSeconds(37), new RecognizedSet("running", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(37), 30, strides, 0.8, null)));
        recorder.Record(new SetStarted(TimeSpan.FromSeconds(40), "plank", 0.9));
        recorder.Record(new SetEnded(TimeSpan.FromSeconds(85), new RecognizedSet("plank", TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(85), 0, [], 0.9, TimeSpan.FromSeconds(45))));
        recorder.Complete();
        return (store, recorder.SessionId);
    }

    [Fact]
    public void A_runs_strides_count_in_no_total_and_it_exports_as_seconds()
    {
        var (store, id) = SquatsAndARun();
        var log = store.LoadSession(id);

        Assert.Equal(10, SessionSummary.Of(log).TotalReps);
        var totals = ExerciseStatistics.Totals([log], StatsPeriod.All, TimeZoneInfo.Utc).ToDictionary(t => t.Exercise);
        Assert.Equal((1, 10, TimeSpan.FromSeconds(21)), (totals["squat"].Sets, totals["squat"].Reps, totals["squat"].Time));
        Assert.Equal((1, 0, TimeSpan.FromSeconds(7)), (totals["running"].Sets, totals["running"].Reps, totals["running"].Time));
        Assert.Equal((1, 0, TimeSpan.FromSeconds(45)), (totals["plank"].Sets, totals["plank"].Reps, totals["plank"].Time));

        using var csv = new StringWriter();
        StrongCsvExporter.Write([log], csv, TimeZoneInfo.Utc);
        var rows = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(["Squat", "10", "0"], new[] { rows[0][3], rows[0][6], rows[0][8] });
        Assert.Equal(["Running", "0", "7"], new[] { rows[1][3], rows[1][6], rows[1][8] });
        Assert.Equal(["Plank", "0", "45"], new[] { rows[2][3], rows[2][6], rows[2][8] });

        string json = JsonExporter.Write([log]);
        Assert.Contains("\"exerciseName\": \"Running\",\n          \"measure\": \"time\",\n          \"reps\": 30,\n          \"seconds\": 7,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(["10", "0:07 run", "0:45 hold"], log.Sets.Select(ExerciseMeasure.Amount));
    }

    [Fact]
    public void Reps_cannot_be_given_to_a_timed_set_and_a_set_corrected_to_one_becomes_timed()
    {
        var (store, id) = SquatsAndARun();
        var plank = Assert.Throws<InvalidInputException>(() => store.CorrectSet(id, 3, null, 5));
        Assert.Equal("set 3 is Plank, which is measured in time, not reps: leave out --reps (or correct the exercise with --exercise).", plank.Message);
        Assert.ThrowsAny<LiveWorkoutException>(() => store.CorrectSet(id, 1, "running", 12));
        Assert.Empty(store.Corrections(store.LoadSession(id).Sets[2].Id));

        store.CorrectSet(id, 1, "Plank", null);
        var log = store.LoadSession(id);
        Assert.Equal(0, SessionSummary.Of(log).TotalReps);
        using var csv = new StringWriter();
        StrongCsvExporter.Write([log], csv, TimeZoneInfo.Utc);
        Assert.StartsWith("2025-03-01 08:00:00,LiveWorkout #1,1m,Plank,1,0,0,0,21,confidence 0.90; corrected from Squat x10,", csv.ToString().Split('\n')[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Push Up")]
    [InlineData("push-up")]
    [InlineData("pushup")]
    [InlineData("push_up")]
    public void A_correction_takes_any_spelling_of_an_exercise(string spelling)
    {
        var (store, id) = SquatsAndARun();
        store.CorrectSet(id, 1, spelling, 9);
        Assert.Equal(("push_up", 9), (store.LoadSession(id).Sets[0].Exercise, store.LoadSession(id).Sets[0].Reps));
    }
}
