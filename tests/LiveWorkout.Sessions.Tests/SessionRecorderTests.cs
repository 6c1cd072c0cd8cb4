using System.Reactive.Linq;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Sessions.Recording;

namespace LiveWorkout.Sessions.Tests;

public sealed class SessionRecorderTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Events_round_trip_to_sets_gaps_timeline_and_summary()
    {
        var store = SessionStore.Open(_db.Path);
        long id = WorkoutEvents.Record(store, notes: "morning");

        var log = store.LoadSession(id);
        Assert.True(log.Session.Complete);
        Assert.Equal(WorkoutEvents.Start, log.Session.StartedAt);
        Assert.Equal(WorkoutEvents.Start.AddSeconds(110), log.Session.EndedAt);
        Assert.Equal("morning", log.Session.Notes);

        Assert.Collection(log.Sets,
            s =>
            {
                Assert.Equal((1, "squat", 4, SetStatus.Committed), (s.Order, s.Exercise, s.Reps, s.Status));
                Assert.Equal(TimeSpan.FromSeconds(10), s.Start);
                Assert.Equal(WorkoutEvents.Start.AddSeconds(30), s.EndedAt);
                Assert.Equal([14, 18.5, 23, 27.5], s.RepTimes.Select(t => t.TotalSeconds));
                Assert.Equal(0.875, s.MeanConfidence);
                Assert.Null(s.HoldDuration);
            },
            s => Assert.Equal((2, "push_up", 3, 15.0), (s.Order, s.Exercise, s.Reps, s.Duration.TotalSeconds)),
            s => Assert.Equal((3, "plank", 0, TimeSpan.FromSeconds(30)), (s.Order, s.Exercise, s.Reps, s.HoldDuration)));
        Assert.Equal([new SourceGap(TimeSpan.FromSeconds(62), TimeSpan.FromSeconds(70), "stream stalled")], log.Gaps);
        Assert.Equal(23, log.Timeline.Count);
        Assert.Equal(new TimelinePoint(TimeSpan.FromSeconds(15), "squat", 0.9), log.Timeline[3]);

        var summary = Assert.Single(store.ListSessions());
        Assert.Equal(TimeSpan.FromSeconds(110), summary.Duration);
        Assert.Equal(TimeSpan.FromSeconds(65), summary.ActiveTime);
        Assert.Equal((3, 7), (summary.Sets, summary.TotalReps));
        Assert.Equal(["squat", "push_up", "plank"], summary.Exercises);

        var timeline = SessionTimeline.Of(log);
        Assert.Equal(
            [TimelineEntryKind.Set, TimelineEntryKind.Rest, TimelineEntryKind.Set, TimelineEntryKind.Rest, TimelineEntryKind.SourceGap, TimelineEntryKind.Set],
            timeline.Select(e => e.Kind));
        Assert.Equal(TimeSpan.FromSeconds(15), timeline[1].Duration);
    }

    [Fact]
    public void Recorder_subscribes_to_an_observable_and_completion_ends_the_session()
    {
        var store = SessionStore.Open(_db.Path);
        var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "clip", "m", "cpu"));
        using (WorkoutEvents.ShortWorkout().ToObservable().Subscribe(recorder)) { }
        var log = store.LoadSession(recorder.SessionId);
        Assert.True(log.Session.Complete);
        Assert.Equal(3, log.Sets.Count);
        Assert.Throws<ObjectDisposedException>(() => recorder.Record(new RestStarted(TimeSpan.FromSeconds(200))));
    }

    [Fact]
    public void Open_set_is_checkpointed_on_media_time_and_visible_to_another_reader()
    {
        var store = SessionStore.Open(_db.Path);
        using var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "live", "m", "cpu"),
            new SessionRecorderOptions { CheckpointInterval = TimeSpan.FromSeconds(5) });
        recorder.Record(new SetStarted(TimeSpan.FromSeconds(10), "squat", 0.7));
        recorder.Record(new RepCounted(TimeSpan.FromSeconds(12), "squat", 1));
        recorder.Record(new RepCounted(TimeSpan.FromSeconds(14), "squat", 2));

        // SetStarted is written at once; the two reps wait for the next checkpoint (at media time >= 15 s).
        var reader = SessionStore.Open(_db.Path);
        var open = Assert.Single(reader.LoadSession(recorder.SessionId).Sets);
        Assert.Equal((SetStatus.Open, 0), (open.Status, open.Reps));

        recorder.Record(new TimelineSample(TimeSpan.FromSeconds(15), "squat", 0.6));
        open = Assert.Single(reader.LoadSession(recorder.SessionId).Sets);
        Assert.Equal((SetStatus.Open, "squat", 2, 5.0), (open.Status, open.Exercise, open.Reps, open.Duration.TotalSeconds));
        Assert.Equal(0.6, open.MeanConfidence);
        Assert.False(reader.LoadSession(recorder.SessionId).Session.Complete);

        recorder.Complete();
        var committed = Assert.Single(reader.LoadSession(recorder.SessionId).Sets);
        Assert.Equal((SetStatus.Committed, 2), (committed.Status, committed.Reps));
    }

    [Fact]
    public void Corrections_are_stored_beside_the_recognised_values()
    {
        var store = SessionStore.Open(_db.Path, new FixedClock(new DateTimeOffset(2025, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        long id = WorkoutEvents.Record(store);
        store.CorrectSet(id, 2, "pull_up", null);
        store.CorrectSet(id, 2, null, 5);

        var set = store.LoadSession(id).Sets[1];
        Assert.Equal(("pull_up", 5, "push_up", 3, true), (set.Exercise, set.Reps, set.RecognizedExercise, set.RecognizedReps, set.Corrected));
        Assert.Equal(2, store.Corrections(set.Id).Count);
        Assert.Equal(9, store.ListSessions()[0].TotalReps);
        Assert.Contains("pull_up", store.ListSessions()[0].Exercises);

        var bad = Assert.ThrowsAny<Core.LiveWorkoutException>(() => store.CorrectSet(id, 9, "squat", null));
        Assert.Contains("has no set 9", bad.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Core.LiveWorkoutException>(() => store.CorrectSet(id, 1, "dancing", null));
        Assert.ThrowsAny<Core.LiveWorkoutException>(() => store.CorrectSet(id + 1, 1, "squat", null));
    }

    [Fact]
    public void Delete_removes_the_session_and_its_rows()
    {
        var store = SessionStore.Open(_db.Path);
        long first = WorkoutEvents.Record(store);
        long second = WorkoutEvents.Record(store, WorkoutEvents.Start.AddDays(1));
        store.DeleteSession(first);
        Assert.Equal([second], store.ListSessions().Select(s => s.Id));
        Assert.ThrowsAny<Core.LiveWorkoutException>(() => store.LoadSession(first));
        Assert.ThrowsAny<Core.LiveWorkoutException>(() => store.DeleteSession(first));
    }

    [Fact]
    public void Stats_group_per_exercise_by_day_and_week()
    {
        var store = SessionStore.Open(_db.Path);
        WorkoutEvents.Record(store);                                   // Saturday 2025-03-01
        WorkoutEvents.Record(store, WorkoutEvents.Start.AddDays(2));   // Monday 2025-03-03
        var sessions = store.LoadSessions();

        var all = ExerciseStatistics.Totals(sessions, StatsPeriod.All, TimeZoneInfo.Utc);
        Assert.Equal(new ExerciseTotals(null, "squat", 2, 8, TimeSpan.FromSeconds(40)), all.Single(t => t.Exercise == "squat"));

        var weeks = ExerciseStatistics.Totals(sessions, StatsPeriod.Week, TimeZoneInfo.Utc);
        Assert.Equal([new DateOnly(2025, 2, 24), new DateOnly(2025, 3, 3)], weeks.Select(t => t.PeriodStart!.Value).Distinct());
        Assert.Equal(6, ExerciseStatistics.Totals(sessions, StatsPeriod.Day, TimeZoneInfo.Utc).Count);

        var range = store.LoadSessions(WorkoutEvents.Start.AddDays(1), WorkoutEvents.Start.AddDays(3));
        Assert.Single(range);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59.4, "0:59")]
    [InlineData(754, "12:34")]
    [InlineData(3723, "1:02:03")]
    public void Durations_read_like_a_clock(double seconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(0, "rep", "0 reps")]
    [InlineData(1, "set", "1 set")]
    [InlineData(2, "session", "2 sessions")]
    [InlineData(1250, "rep", "1,250 reps")]
    public void Counts_agree_with_their_noun(long n, string noun, string expected) =>
        Assert.Equal(expected, DisplayFormat.Count(n, noun));
}
