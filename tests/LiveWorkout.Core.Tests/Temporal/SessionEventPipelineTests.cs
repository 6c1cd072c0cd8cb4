using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;
using static LiveWorkout.Core.Tests.Temporal.VirtualTimeRun;

namespace LiveWorkout.Core.Tests.Temporal;

// Defaults: 1 s moving average, threshold 0.5, start after 1.5 s, end after 2 s. At 10 fps the
// smoothed label switches 0.5 s after a clean raw switch, which the segmenter's onset/end stamping undoes.
public sealed class SessionEventPipelineTests
{
    /// <summary>These frames hold no motion, so no set would have reps: keep every stable stretch as a set.</summary>
    private static TemporalOptions AllSets => new() { MinRepsPerSet = 0 };

    [Fact]
    public void One_set_is_stamped_at_its_true_onset_and_last_frame_then_rest()
    {
        var session = new SyntheticSession().Add("idle", 5).Add("squat", 10).Add("idle", 5);

        var events = Play(session.Frames, AllSets);

        Assert.Equal(
            ["SetStarted 5.0 squat", "SetEnded 14.9 squat 5.0-14.9 reps=0", "RestStarted 15.0"],
            Describe(events));
    }

    [Fact]
    public void Set_start_is_decided_after_the_stable_time_but_backfilled()
    {
        var session = new SyntheticSession().Add("idle", 5).Add("squat", 10).Add("idle", 5);
        var tracker = new SessionTracker(SyntheticSession.Classes, new TemporalOptions { MinRepsPerSet = 0, ConfidenceThreshold = 0.5 });

        var decidedAt = session.Frames.First(f => tracker.Push(f).Any(e => e is SetStarted)).Time;

        // Smoothed winner from 5.5 s, stable for 1.5 s at 7.0 s.
        Assert.Equal(TimeSpan.FromSeconds(7), decidedAt);
    }

    [Fact]
    public void An_unsure_start_is_backfilled_to_where_the_exercise_became_likely()
    {
        // The classifier gives the first 1.2 s of the set 40% squat and idle the most.
        var session = new SyntheticSession().Add("idle", 5).AddUnsure("squat", 1.2, 0.4).Add("squat", 10).Add("idle", 5);

        var events = Describe(Play(session.Frames, AllSets));
        var without = Describe(Play(session.Frames, new TemporalOptions { MinRepsPerSet = 0, OnsetBackfillProbability = 0 }));

        // The half-second mean first reaches 30% one frame into the unsure stretch.
        Assert.Equal(["SetStarted 5.1 squat", "SetEnded 16.1 squat 5.1-16.1 reps=0", "RestStarted 16.2"], events);
        Assert.Equal(["SetStarted 6.2 squat", "SetEnded 16.1 squat 6.2-16.1 reps=0", "RestStarted 16.2"], without);
    }

    [Fact]
    public void The_unsure_backfill_stops_at_its_limit_another_exercise_and_the_previous_set()
    {
        var options = new TemporalOptions { MinRepsPerSet = 0, OnsetBackfillSeconds = 1.0 };
        // Unsure for 3 s: the onset moves back 1 s, no further.
        var longer = new SyntheticSession().Add("idle", 5).AddUnsure("squat", 3, 0.4).Add("squat", 10).Add("idle", 5);
        Assert.StartsWith("SetStarted 7.0 squat", Describe(Play(longer.Frames, options))[0], StringComparison.Ordinal);

        // Another exercise is likelier than the squat (though idle is the top class): no backfill.
        var rival = new SyntheticSession().Add("idle", 5).AddUnsure("squat", 1, 0.3, rival: "lunge").Add("squat", 10).Add("idle", 5);
        Assert.StartsWith("SetStarted 6.0 squat", Describe(Play(rival.Frames, options))[0], StringComparison.Ordinal);

        // Straight after another set: its first unsure frame still has the lunge in its half-second.
        var afterLunge = new SyntheticSession().Add("idle", 2).Add("lunge", 8).AddUnsure("squat", 1, 0.4).Add("squat", 10).Add("idle", 5);
        Assert.Equal(
            ["SetStarted 2.0 lunge", "SetEnded 9.9 lunge 2.0-9.9 reps=0", "SetStarted 10.1 squat", "SetEnded 20.9 squat 10.1-20.9 reps=0", "RestStarted 21.0"],
            Describe(Play(afterLunge.Frames, options)));

        // Unsure for 3 s after a squat set, long enough to end it: the next set's onset may go back
        // 5 s, but not into the set before.
        var afterSquat = new SyntheticSession().Add("idle", 2).Add("squat", 8).AddUnsure("squat", 3, 0.4).Add("squat", 10).Add("idle", 5);
        var events = Describe(Play(afterSquat.Frames, new TemporalOptions { MinRepsPerSet = 0, OnsetBackfillSeconds = 5 }));
        Assert.Equal(["SetStarted 2.0 squat", "SetEnded 9.9 squat 2.0-9.9 reps=0"], events[..2]);
        Assert.Contains("SetStarted 10.0 squat", events);
    }

    [Fact]
    public void Idle_frames_in_rep_motion_join_the_recognised_halves_of_reps_into_a_set()
    {
        // The classifier sees the squat only in the lower half of each 2 s rep (1 s, shorter than
        // the 1.5 s a set needs to start) and calls the standing half idle (squat 10%), while the
        // rep phase turns throughout.
        var session = new SyntheticSession(repPhase: true).Add("idle", 5);
        for (int rep = 0; rep < 5; rep++) session.AddInMotion("squat", 1, 0.9).AddUnsure("squat", 1, 0.1, phaseMagnitude: 0.9);
        session.Add("idle", 5);

        Assert.Equal(["SetStarted 5.0 squat", "SetEnded 13.9 squat 5.0-13.9", "RestStarted 14.0"], Sets(Play(session.Frames, InMotion())));
        Assert.Empty(Sets(Play(session.Frames, InMotion(magnitude: 0))));
    }

    [Fact]
    public void Idle_frames_in_rep_motion_keep_a_set_open_but_never_extend_it()
    {
        // Between reps the classifier calls 3 s of the lunge set idle (lunge 10%) while the rep
        // phase keeps turning; after the set the person moves on in the same way.
        var session = new SyntheticSession(repPhase: true).Add("idle", 5).Add("lunge", 4)
            .AddUnsure("lunge", 3, 0.1, phaseMagnitude: 0.8).Add("lunge", 4)
            .AddUnsure("lunge", 3, 0.1, phaseMagnitude: 0.8).Add("idle", 5);

        Assert.Equal(["SetStarted 5.0 lunge", "SetEnded 15.9 lunge 5.0-15.9", "RestStarted 16.0"], Sets(Play(session.Frames, InMotion())));
        // Without it the gap splits the set in two.
        Assert.Equal(
            ["SetStarted 5.0 lunge", "SetEnded 8.9 lunge 5.0-8.9", "RestStarted 9.0", "SetStarted 12.0 lunge", "SetEnded 15.9 lunge 12.0-15.9", "RestStarted 16.0"],
            Sets(Play(session.Frames, InMotion(magnitude: 0))));

        // A short phase, or a squat likelier than the lunge (10% against 0.5%), holds nothing.
        var shortPhase = new SyntheticSession(repPhase: true).Add("idle", 5).Add("lunge", 4)
            .AddUnsure("lunge", 3, 0.1, phaseMagnitude: 0.3).Add("lunge", 4).Add("idle", 5);
        var squatLikelier = new SyntheticSession(repPhase: true).Add("idle", 5).Add("lunge", 4)
            .AddUnsure("squat", 3, 0.1, phaseMagnitude: 0.8).Add("lunge", 4).Add("idle", 5);
        Assert.Equal(2, Play(shortPhase.Frames, InMotion()).OfType<SetStarted>().Count());
        Assert.Equal(2, Play(squatLikelier.Frames, InMotion()).OfType<SetStarted>().Count());
    }

    [Fact]
    public void A_push_up_whose_rep_phase_stands_still_is_a_plank()
    {
        // The classifier calls 14 s push-up. For the first 6 the phase head sees no rhythm (a
        // plank: the same pose); then the phase turns, a push-up every 2 s. The phase's one-second
        // mean reaches 0.12 with the first push-up frame: (9 x 0.05 + 0.8) / 10 = 0.125.
        var session = new SyntheticSession(repPhase: true).Add("idle", 3)
            .AddInMotion("push_up", 6, phaseMagnitude: 0.05).AddInMotion("push_up", 8, phaseMagnitude: 0.8).Add("idle", 3);

        Assert.Equal(
            ["SetStarted 3.0 plank", "SetEnded 8.9 plank 3.0-8.9", "SetStarted 9.0 push_up", "SetEnded 16.9 push_up 9.0-16.9", "RestStarted 17.0"],
            Sets(Play(session.Frames, InMotion())));
        // Turned off, or from a model with no phase head, it is all one push-up set.
        string[] oneSet = ["SetStarted 3.0 push_up", "SetEnded 16.9 push_up 3.0-16.9", "RestStarted 17.0"];
        Assert.Equal(oneSet, Sets(Play(session.Frames, new TemporalOptions { MinRepsPerSet = 0, SetEndAfterLastRepPeriods = 0, StillPhaseMagnitude = 0 })));
        var noPhase = new SyntheticSession().Add("idle", 3).Add("push_up", 14).Add("idle", 3);
        Assert.Equal(oneSet, Sets(Play(noPhase.Frames, InMotion())));
    }

    /// <summary>
    /// Every stable stretch a set, ending where the classifier ends it, not at its last rep: the
    /// turning phase of these sessions would give reps of its own.
    /// </summary>
    private static TemporalOptions InMotion(double magnitude = 0.5) =>
        new() { MinRepsPerSet = 0, SetEndAfterLastRepPeriods = 0, RepMotionMagnitude = magnitude };

    /// <summary>The set and rest events, without their rep counts.</summary>
    private static List<string> Sets(IEnumerable<SessionEvent> events) =>
        Describe(events.Where(e => e is not RepCounted)).Select(d => d.Split(" reps=")[0]).ToList();

    [Fact]
    public void Flickers_neither_split_a_set_nor_create_one()
    {
        var session = new SyntheticSession()
            .Add("idle", 5).Add("squat", 4).Add("idle", 0.5).Add("push_up", 0.4).Add("squat", 5)
            .Add("idle", 5).Add("lunge", 1).Add("idle", 5).Add("plank", 0.3).Add("idle", 3);

        var events = Play(session.Frames, AllSets);

        Assert.Equal(
            ["SetStarted 5.0 squat", "SetEnded 14.8 squat 5.0-14.8 reps=0", "RestStarted 14.9"],
            Describe(events));
    }

    [Fact]
    public void Switch_without_rest_gives_two_sets_and_no_rest_between()
    {
        var session = new SyntheticSession().Add("idle", 5).Add("squat", 10).Add("push_up", 10).Add("idle", 5);

        var events = Play(session.Frames, AllSets);

        Assert.Equal(
            ["SetStarted 5.0 squat", "SetEnded 14.9 squat 5.0-14.9 reps=0", "SetStarted 15.0 push_up",
             "SetEnded 24.9 push_up 15.0-24.9 reps=0", "RestStarted 25.0"],
            Describe(events));
    }

    [Fact]
    public void Rest_between_two_sets_of_the_same_exercise_gives_two_sets()
    {
        var session = new SyntheticSession().Add("squat", 8).Add("idle", 6).Add("squat", 8);

        var events = Play(session.Frames, AllSets);

        Assert.Equal(
            ["SetStarted 0.0 squat", "SetEnded 7.9 squat 0.0-7.9 reps=0", "RestStarted 8.0",
             "SetStarted 14.0 squat", "SetEnded 21.9 squat 14.0-21.9 reps=0"],
            Describe(events));
    }

    [Fact]
    public void Idle_only_gives_no_set_events()
    {
        var session = new SyntheticSession().Add("idle", 20);

        var events = Play(session.Frames, AllSets);

        Assert.Empty(Describe(events));
        Assert.All(events.OfType<TimelineSample>(), t => Assert.Equal("idle", t.Label));
    }

    [Fact]
    public void Unsure_frames_count_as_idle()
    {
        var session = new SyntheticSession().Add("idle", 2).Add("squat", 10).Add("idle", 2);
        // Below the threshold every frame is idle, however long the exercise wins.
        var frames = session.Frames.Select(f => f with { Probabilities = f.Probabilities.Select(p => p > 0.5f ? 0.45f : p).ToArray() }).ToList();

        Assert.Empty(Describe(Play(frames, new TemporalOptions { MinRepsPerSet = 0, ConfidenceThreshold = 0.5 })));
    }

    [Fact]
    public void Plank_is_a_hold_with_a_duration_and_no_reps()
    {
        var session = new SyntheticSession(embeddingDims: 8).Add("idle", 3).AddReps("plank", 2, 30).Add("idle", 5);

        var events = Play(session.Frames, AllSets);

        Assert.Equal(["SetStarted 3.0 plank", "SetEnded 62.9 plank 3.0-62.9 reps=0 hold=59.9", "RestStarted 63.0"], Describe(events));
        var set = events.OfType<SetEnded>().Single().Set;
        Assert.Empty(set.RepTimes);
        Assert.InRange(set.MeanConfidence, 0.8, 0.9);
    }

    [Fact]
    public void A_plank_pose_held_for_a_moment_is_no_set()
    {
        // 2.5 s of the plank pose between rests (getting down to the floor, a stretch) is under
        // MinHoldSeconds (5 s): dropped, with the rest after it. 6 s is a set.
        var brief = new SyntheticSession().Add("idle", 3).Add("plank", 2.5).Add("idle", 5);
        Assert.Empty(Sets(Play(brief.Frames, AllSets)));
        var held = new SyntheticSession().Add("idle", 3).Add("plank", 6).Add("idle", 5);
        Assert.Equal(["SetStarted 3.0 plank", "SetEnded 8.9 plank 3.0-8.9", "RestStarted 9.0"], Sets(Play(held.Frames, AllSets)));
        Assert.Equal(["SetStarted 3.0 plank", "SetEnded 5.4 plank 3.0-5.4", "RestStarted 5.5"],
            Sets(Play(brief.Frames, new TemporalOptions { MinRepsPerSet = 0, MinHoldSeconds = 0 })));
    }

    [Fact]
    public void A_plank_lost_for_a_few_seconds_stays_one_set_but_a_rep_exercise_splits()
    {
        // 3 s of the plank called push-up (a phase head seeing motion would let them through the
        // still-hold relabeler): under HoldSetEndSeconds (4 s) the plank set bridges them.
        var plank = new SyntheticSession().Add("idle", 3).Add("plank", 6).Add("push_up", 3).Add("plank", 6).Add("idle", 5);
        Assert.Equal(["SetStarted 3.0 plank", "SetEnded 17.9 plank 3.0-17.9", "RestStarted 18.0"], Sets(Play(plank.Frames, AllSets)));
        Assert.Equal(
            ["SetStarted 3.0 plank", "SetEnded 8.9 plank 3.0-8.9", "SetStarted 9.0 push_up", "SetEnded 11.9 push_up 9.0-11.9",
             "SetStarted 12.0 plank", "SetEnded 17.9 plank 12.0-17.9", "RestStarted 18.0"],
            Sets(Play(plank.Frames, new TemporalOptions { MinRepsPerSet = 0, HoldSetEndSeconds = 0 })));

        // A rep exercise keeps SetEndSeconds (2 s): 3 s of idle between squats are a rest.
        var squats = new SyntheticSession().Add("idle", 3).Add("squat", 6).Add("idle", 3).Add("squat", 6).Add("idle", 3);
        Assert.Equal(
            ["SetStarted 3.0 squat", "SetEnded 8.9 squat 3.0-8.9", "RestStarted 9.0", "SetStarted 12.0 squat", "SetEnded 17.9 squat 12.0-17.9", "RestStarted 18.0"],
            Sets(Play(squats.Frames, AllSets)));
    }

    [Fact]
    public void An_open_set_is_closed_at_end_of_stream()
    {
        var session = new SyntheticSession().Add("idle", 5).Add("squat", 7);

        var events = Play(session.Frames, AllSets);

        Assert.Equal(["SetStarted 5.0 squat", "SetEnded 11.9 squat 5.0-11.9 reps=0"], Describe(events));
    }

    [Fact]
    public void Timeline_samples_come_once_a_second_with_the_smoothed_label()
    {
        var session = new SyntheticSession().Add("idle", 2).Add("squat", 3);

        var timeline = Describe(Play(session.Frames, AllSets), withTimeline: true).Where(l => l.StartsWith("Timeline", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Timeline 0.0 idle 0.9", "Timeline 1.0 idle 0.9", "Timeline 2.0 idle 0.811",
                      "Timeline 3.0 squat 0.9", "Timeline 4.0 squat 0.9"], timeline);
    }

    [Fact]
    public void Exponential_smoothing_also_segments_at_the_true_onset()
    {
        var options = new TemporalOptions { MinRepsPerSet = 0, Smoothing = SmoothingKind.Exponential, SmoothingSeconds = 0.5 };
        var session = new SyntheticSession().Add("idle", 5).Add("squat", 10).Add("idle", 5);

        Assert.Equal(["SetStarted 5.0 squat", "SetEnded 14.9 squat 5.0-14.9 reps=0", "RestStarted 15.0"], Describe(Play(session.Frames, options)));
    }

    [Fact]
    public void Watchdog_reports_a_silent_source_on_scheduler_time()
    {
        var session = new SyntheticSession().Add("idle", 6);
        var frames = session.Frames.Where(f => f.Time < TimeSpan.FromSeconds(3) || f.Time >= TimeSpan.FromSeconds(5)).ToList();

        var events = Play(frames, new TemporalOptions { MinRepsPerSet = 0, SourceLostAfterSeconds = 1 });

        // The stream completes 30 s after its last frame (5.9 s), so it falls silent once more.
        Assert.Equal(["SourceLost 3.9", "SourceRecovered 5.0 gap=2.1", "SourceLost 6.9"], Describe(events));
    }

    [Fact]
    public void Source_events_are_merged_in()
    {
        var session = new SyntheticSession().Add("idle", 4);

        var events = Play(session.Frames, sourceEvents: (scheduler, subject) =>
            scheduler.Schedule(Epoch + TimeSpan.FromSeconds(2.05), () => subject.OnNext(new SourceLost(TimeSpan.FromSeconds(2), "camera unplugged"))));

        Assert.Equal(["SourceLost 2.0"], Describe(events));
    }

    [Fact]
    public void An_error_closes_the_open_set_before_it_goes_on()
    {
        var session = new SyntheticSession().Add("squat", 5);
        var source = new Subject<FramePrediction>();
        var events = new List<SessionEvent>();
        Exception? failure = null;
        var pipeline = new SessionEventPipeline(SyntheticSession.Classes, AllSets, new System.Reactive.Concurrency.HistoricalScheduler());
        using var _ = pipeline.Process(source).Subscribe(events.Add, e => failure = e);

        foreach (var f in session.Frames) source.OnNext(f);
        source.OnError(new IOException("stream broke"));

        Assert.IsType<IOException>(failure);
        Assert.Equal(["SetStarted 0.0 squat", "SetEnded 4.9 squat 0.0-4.9 reps=0"], Describe(events));
    }

    [Fact]
    public void A_model_without_an_idle_class_gets_idle_from_the_confidence_threshold()
    {
        string[] classes = ["lunge", "push_up", "squat"];
        var frames = new List<FramePrediction>();
        void Add(double seconds, float[] p)
        {
            for (int i = 0; i < seconds * 10; i++) frames.Add(new FramePrediction(frames.Count, TimeSpan.FromSeconds(frames.Count / 10.0), p, []));
        }
        float[] unsure = [0.34f, 0.33f, 0.33f], squat = [0.05f, 0.05f, 0.9f];
        Add(5, unsure);
        Add(10, squat);
        Add(5, unsure);

        var tracker = new SessionTracker(classes, new TemporalOptions { MinRepsPerSet = 0, ConfidenceThreshold = 0.5 });
        var events = tracker.PushAll(frames);

        Assert.Equal(["SetStarted 5.0 squat", "SetEnded 14.9 squat 5.0-14.9 reps=0", "RestStarted 15.0"], Describe(events));
        _ = new SessionEventPipeline(classes, AllSets, Scheduler.Immediate);
    }
}
