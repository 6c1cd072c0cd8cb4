using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;
using static LiveWorkout.Core.Tests.Temporal.VirtualTimeRun;

namespace LiveWorkout.Core.Tests.Temporal;

public sealed class RepCountingTests
{
    private const double SetUpSeconds = 4;

    /// <summary>Idle, a still set-up stretch labelled as the exercise, reps, idle: like a person getting into position.</summary>
    private static SyntheticSession Session(double period, int reps, int fps = 15, int seed = 7, double noise = 0.3) =>
        new SyntheticSession(fps, embeddingDims: 16, seed: seed)
            .Add("idle", 3, noise: noise)
            .Add("squat", SetUpSeconds, offset: 0.5, noise: noise)
            .AddReps("squat", period, reps, noise)
            .Add("idle", 4, noise: noise);

    [Theory]
    [InlineData(0.6, 20)]
    [InlineData(1.0, 12)]
    [InlineData(2.0, 10)]
    [InlineData(3.5, 8)]
    [InlineData(6.0, 6)]
    public void Reps_are_counted_within_one_online_and_in_the_set(double period, int reps)
    {
        var events = Play(Session(period, reps).Frames);

        var set = events.OfType<SetEnded>().Single().Set;
        var announced = events.OfType<RepCounted>().ToList();
        Assert.InRange(set.Reps, reps - 1, reps + 1);
        // The final count is exactly what was announced, numbered in order.
        Assert.Equal(set.RepTimes, announced.Select(r => r.Time));
        Assert.Equal(Enumerable.Range(1, announced.Count), announced.Select(r => r.RepNumber));
        Assert.All(announced, r => Assert.Equal("squat", r.Exercise));
    }

    [Theory]
    [InlineData(0.9, 15, 1)]
    [InlineData(2.2, 7, 1)]
    public void A_set_without_set_up_counts_every_rep_from_the_first_to_the_last(double period, int reps, double amplitude)
    {
        // No set-up: the set starts with the first rep, whose extreme comes a quarter period in, and
        // ends a quarter period after the last extreme.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3)
            .Add("idle", 3, noise: 0.3).AddReps("jumping_jack", period, reps, 0.3, amplitude).Add("idle", 4, noise: 0.3);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.Equal(reps, set.Reps);
    }

    [Theory]
    [InlineData(2.0, 6)]
    [InlineData(1.2, 8)]
    [InlineData(3.0, 5)]
    [InlineData(4.5, 4)]
    public void A_clip_that_stops_soon_after_its_last_rep_counts_that_rep(double period, int reps)
    {
        // The clip stops mid-set, 0.45 periods after the last rep's far extreme: too soon to see the
        // half period after it in full, late enough to see the motion come back.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 7)
            .Add("idle", 3, noise: 0.3).AddRepsFromRest("squat", period, reps - 0.5 + 0.45, sign: 1, noise: 0.2);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.True(reps == set.Reps, $"{set.Reps} reps at {string.Join(", ", set.RepTimes.Select(t => t.TotalSeconds.ToString("0.00")))}; set {set.Start}-{set.End}, clip ends {session.Now}");
        Assert.True(set.End >= session.Now - TimeSpan.FromSeconds(0.2), $"set ends at {set.End}, the clip at {session.Now}");
    }

    [Theory]
    [InlineData(1.8, 10, 1)]
    [InlineData(1.8, 10, -1)]
    [InlineData(2.5, 7, 1)]
    [InlineData(2.5, 7, -1)]
    public void Reps_from_rest_are_counted_at_their_far_extreme_whichever_sign_it_has_in_the_embedding(double period, int reps, double sign)
    {
        // A set from rest has one fewer rest extreme inside it than reps: counting those (the
        // embedding's sign picked the wrong extreme) was one or two short.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 5)
            .Add("idle", 3, noise: 0.2).AddRepsFromRest("push_up", period, reps, sign, noise: 0.2).Add("idle", 4, noise: 0.2);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.Equal(reps, set.Reps);
        var far = Enumerable.Range(0, reps).Select(k => 3 + (k + 0.5) * period).ToList();
        Assert.All(set.RepTimes.Zip(far), p => Assert.InRange(p.First.TotalSeconds, p.Second - 0.25 * period, p.Second + 0.25 * period));
    }

    [Theory]
    [InlineData(0.6, 20)]
    [InlineData(2.0, 10)]
    [InlineData(6.0, 6)]
    public void No_reps_during_set_up(double period, int reps)
    {
        var events = Play(Session(period, reps).Frames);

        var repsStart = TimeSpan.FromSeconds(3 + SetUpSeconds);
        Assert.All(events.OfType<RepCounted>(), r => Assert.True(r.Time >= repsStart, $"rep at {r.Time} is in the set-up"));
        Assert.Equal(TimeSpan.FromSeconds(3), events.OfType<SetStarted>().Single().Time);
    }

    [Fact]
    public void Rep_times_fall_on_the_extremes_a_period_apart()
    {
        const double period = 2.0;
        var times = events(Play(Session(period, 10, noise: 0.1).Frames));

        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.All(gaps, g => Assert.InRange(g, 0.8 * period, 1.2 * period));
        // Sine peaks/valleys sit at a quarter period from a cycle's start: either way, a quarter or three off the grid.
        double phase = ((times[0].TotalSeconds - 7) % period) / period;
        Assert.True(Math.Abs(phase - 0.25) < 0.1 || Math.Abs(phase - 0.75) < 0.1, $"phase {phase}");

        static List<TimeSpan> events(List<SessionEvent> e) => e.OfType<RepCounted>().Select(r => r.Time).ToList();
    }

    [Fact]
    public void Reps_appear_online_while_the_set_is_open()
    {
        var session = Session(1.0, 12);
        var tracker = new SessionTracker(SyntheticSession.Classes, new TemporalOptions());
        var latencies = new List<double>();
        foreach (var frame in session.Frames)
            foreach (var rep in tracker.Push(frame).OfType<RepCounted>())
                latencies.Add((frame.Time - rep.Time).TotalSeconds);

        // Most reps are announced before the set ends, most within a period plus the update
        // interval (the first ones wait until the period is known), none much later.
        Assert.True(latencies.Count >= 10, $"only {latencies.Count} reps online");
        Assert.All(latencies, l => Assert.InRange(l, 0, 3.5));
        Assert.True(latencies.Count(l => l <= 1.0 + 0.5 + 0.2) >= 0.8 * latencies.Count, string.Join(", ", latencies));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.0)]
    public void A_rep_phase_from_the_model_carries_reps_its_embedding_is_blind_to(double embeddingWeight)
    {
        // The embedding holds still through the whole set; the model's phase head turns once per rep.
        const double period = 1.6, start = 7;
        const int reps = 9;
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3)
            .Add("idle", start, noise: 0.3)
            .Add("squat", period * reps, noise: 0.3)
            .Add("idle", 4, noise: 0.3);
        var rng = new Random(5);
        var frames = session.Frames.Select(f =>
        {
            double t = f.Time.TotalSeconds;
            bool moving = t >= start && t < start + period * reps;
            // At rest a phase head sees the pose between reps (phase pi), unsure: a short vector.
            double angle = moving ? 2 * Math.PI * (t - start) / period - Math.PI : Math.PI + 0.3 * (rng.NextDouble() - 0.5);
            double radius = moving ? 1 : 0.3;
            return f with { RepPhase = [(float)(radius * Math.Cos(angle) + 0.1 * (rng.NextDouble() - 0.5)), (float)(radius * Math.Sin(angle) + 0.1 * (rng.NextDouble() - 0.5))] };
        }).ToList();
        var options = new TemporalOptions { RepEmbeddingWeight = embeddingWeight };

        var set = Play(frames, options).OfType<SetEnded>().Single().Set;
        Assert.True(set.Reps >= reps - 1 && set.Reps <= reps + 1, $"{set.Reps} reps: " + string.Join(" ", set.RepTimes.Select(r => r.TotalSeconds.ToString("0.00"))));
        // Each rep is stamped where the phase passes 0, the extreme of its motion.
        Assert.All(set.RepTimes, r => Assert.InRange(Math.IEEERemainder(r.TotalSeconds - start - period / 2, period), -0.25, 0.25));

        // Without the phase there is nothing to count: no set.
        Assert.Empty(Play(session.Frames, options).OfType<SetEnded>());
    }

    /// <summary>
    /// A squat set whose embedding holds still and whose rep phase turns once per rep, the reps of
    /// the lengths given (from -90 degrees at rest through the extreme at 0), between idle stretches.
    /// </summary>
    private static List<FramePrediction> PhaseOnlySet(double[] lengths, double start = 5)
    {
        double end = start + lengths.Sum();
        var starts = lengths.Select((_, k) => start + lengths.Take(k).Sum()).ToArray();
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3)
            .Add("idle", start, noise: 0.3)
            .Add("squat", lengths.Sum(), noise: 0.3)
            .Add("idle", 4, noise: 0.3);
        var rng = new Random(5);
        return session.Frames.Select(f =>
        {
            double t = f.Time.TotalSeconds;
            int k = Array.FindLastIndex(starts, s => s <= t);
            bool moving = k >= 0 && t < end;
            double angle = moving ? 2 * Math.PI * (t - starts[k]) / lengths[k] - Math.PI / 2 : -Math.PI / 2;
            double radius = moving ? 0.8 : 0.1;
            return f with { RepPhase = [(float)(radius * Math.Cos(angle) + 0.1 * (rng.NextDouble() - 0.5)), (float)(radius * Math.Sin(angle) + 0.1 * (rng.NextDouble() - 0.5))] };
        }).ToList();
    }

    [Fact]
    public void Reps_of_uneven_length_are_counted_by_the_turns_of_the_rep_phase()
    {
        // Slow and quick reps mixed (pauses at the bottom, a slow rep among quick ones): no one period fits them.
        double[] lengths = [2, 4.5, 2, 2, 5, 2.2, 4, 2, 4.8, 2];
        var frames = PhaseOnlySet(lengths);

        var events = Play(frames);
        var set = events.OfType<SetEnded>().Single().Set;
        var announced = events.OfType<RepCounted>().ToList();
        Assert.InRange(set.Reps, lengths.Length - 1, lengths.Length + 1);
        Assert.Equal(set.RepTimes, announced.Select(r => r.Time));
        Assert.Equal(Enumerable.Range(1, announced.Count), announced.Select(r => r.RepNumber));
        Assert.Equal(set.RepTimes.Order(), set.RepTimes);

        // The periodicity alone counts too few.
        var alone = Play(frames, new TemporalOptions { RepPhaseTurnMagnitude = 0 }).OfType<SetEnded>().Single().Set;
        Assert.True(alone.Reps < lengths.Length - 1, $"{alone.Reps} reps without the turns");
    }

    [Fact]
    public void Phase_turns_without_a_repeating_motion_make_no_set()
    {
        // One turn of the phase in 3 s of squat: a moment's motion the classifier took for a set,
        // in which the periodicity finds nothing that repeats.
        var frames = PhaseOnlySet([3]);

        Assert.Empty(Play(frames).OfType<SetEnded>());
        // Without the turns the set is dropped the same way.
        Assert.Empty(Play(frames, new TemporalOptions { RepPhaseTurnMagnitude = 0 }).OfType<SetEnded>());
    }

    [Fact]
    public void Reps_slower_than_the_longest_period_are_a_set_by_their_turns()
    {
        // Four squats of 7-8 s each, beyond the 6 s the periodicity looks for: three turns show the motion repeats.
        double[] lengths = [7, 7.5, 8, 7];
        var frames = PhaseOnlySet(lengths);

        var set = Play(frames).OfType<SetEnded>().Single().Set;
        Assert.Equal("squat", set.Exercise);
        Assert.InRange(set.Reps, lengths.Length - 1, lengths.Length);

        // Without the turns nothing repeats: no set.
        Assert.Empty(Play(frames, new TemporalOptions { RepPhaseTurnMagnitude = 0 }).OfType<SetEnded>());
    }

    [Fact]
    public void Without_an_embedding_the_probabilities_carry_the_motion()
    {
        var session = Session(2.0, 8);
        // The classifier's squat probability breathes with each rep; the embedding is gone.
        var frames = session.Frames.Select(f =>
        {
            if (f.Embedding.Length == 0 || f.Probabilities[0] < 0.5f || f.Time < TimeSpan.FromSeconds(7)) return f with { Embedding = [] };
            var p = (float[])f.Probabilities.Clone();
            float swing = 0.05f * (float)Math.Sin(2 * Math.PI * (f.Time.TotalSeconds - 7) / 2.0);
            p[0] += swing; p[1] -= swing;
            return f with { Probabilities = p, Embedding = [] };
        }).ToList();

        var set = Play(frames).OfType<SetEnded>().Single().Set;

        Assert.InRange(set.Reps, 7, 9);
    }

    [Fact]
    public void Still_noise_gives_no_reps()
    {
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3).Add("idle", 2).Add("squat", 30, noise: 0.3).Add("idle", 3);

        var events = Play(session.Frames, new TemporalOptions { MinRepsPerSet = 0 });

        Assert.Empty(events.OfType<RepCounted>());
        Assert.Equal(0, events.OfType<SetEnded>().Single().Set.Reps);
    }

    [Fact]
    public void A_stretch_of_a_rep_exercise_without_reps_is_no_set_and_no_rest_follows_it()
    {
        // Someone standing still in a squat-like pose for 8 s, then a real set of squats.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3)
            .Add("idle", 3, noise: 0.3).Add("squat", 8, offset: 0.5, noise: 0.3).Add("idle", 5, noise: 0.3)
            .AddReps("squat", 2.0, 6, 0.3).Add("idle", 4, noise: 0.3);

        var events = Play(session.Frames);

        Assert.Equal(["SetStarted 16.0 squat", "SetEnded"], Describe(events).Where(e => !e.StartsWith("Rep ", StringComparison.Ordinal)).Select(Head).Take(2));
        Assert.Single(events.OfType<SetEnded>());
        Assert.InRange(events.OfType<SetEnded>().Single().Set.Reps, 5, 7);
        // The rest after the real set only.
        Assert.Single(events.OfType<RestStarted>());
        Assert.True(events.OfType<RestStarted>().Single().Time > TimeSpan.FromSeconds(27));

        static string Head(string line) => line.StartsWith("SetEnded", StringComparison.Ordinal) ? "SetEnded" : line;
    }

    [Fact]
    public void A_long_push_up_without_a_rep_is_a_plank_and_a_short_one_no_set()
    {
        // The classifier calls a 10 s plank push-up throughout (the same pose) and nothing repeats;
        // later 3 s in the push-up pose (getting into position), then idle.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3)
            .Add("idle", 3, noise: 0.3).Add("push_up", 10, offset: 0.5, noise: 0.3).Add("idle", 5, noise: 0.3)
            .Add("push_up", 3, offset: 0.5, noise: 0.3).Add("idle", 4, noise: 0.3);

        var events = Describe(Play(session.Frames));
        var dropped = Describe(Play(session.Frames, new TemporalOptions { RepLessHoldSeconds = 0 }));

        Assert.Equal(["SetStarted 3.0 plank", "SetEnded 12.933 plank 3.0-12.933 reps=0 hold=9.933", "RestStarted 13.0"], events);
        Assert.Empty(dropped);
    }

    [Fact]
    public void A_push_up_set_with_reps_stays_a_push_up_set()
    {
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3)
            .Add("idle", 3, noise: 0.3).AddReps("push_up", 1.8, 6, 0.3).Add("idle", 4, noise: 0.3);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.Equal("push_up", set.Exercise);
        Assert.InRange(set.Reps, 5, 7);
    }

    [Fact]
    public void A_set_is_reported_once_its_first_rep_is_counted_with_its_onset_and_reps_so_far()
    {
        var session = Session(2.0, 8);
        var tracker = new SessionTracker(SyntheticSession.Classes, new TemporalOptions());
        var decided = new List<(TimeSpan At, SessionEvent Event)>();
        foreach (var frame in session.Frames)
            foreach (var e in tracker.Push(frame)) decided.Add((frame.Time, e));

        var started = decided.Single(d => d.Event is SetStarted);
        var firstRep = decided.First(d => d.Event is RepCounted);
        // Announced together with the first rep, after the set-up, yet stamped at the set-up's start.
        Assert.Equal(firstRep.At, started.At);
        Assert.True(started.At > TimeSpan.FromSeconds(3 + SetUpSeconds), $"decided at {started.At}");
        Assert.Equal(TimeSpan.FromSeconds(3), started.Event.Time);
        Assert.True(decided.IndexOf(started) < decided.IndexOf(firstRep));

        // With MinRepsPerSet = 0 the same set is reported as soon as it is stable.
        var eager = new SessionTracker(SyntheticSession.Classes, new TemporalOptions { MinRepsPerSet = 0 });
        var eagerAt = session.Frames.First(f => eager.Push(f).Any(e => e is SetStarted)).Time;
        Assert.True(eagerAt < TimeSpan.FromSeconds(3 + SetUpSeconds), $"decided at {eagerAt}");
    }

    [Fact]
    public void A_set_ends_with_its_last_rep_though_the_classifier_keeps_calling_the_exercise()
    {
        // 8 reps of 2 s from 3 s to 19 s, then 2.5 s still but still called a squat (putting the bar down).
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 4)
            .Add("idle", 3, noise: 0.3)
            .AddRepsFromRest("squat", 2.0, 8, 1)
            .Add("squat", 2.5, noise: 0.3)
            .Add("idle", 4, noise: 0.3);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;
        var kept = Play(session.Frames, new TemporalOptions { SetEndAfterLastRepPeriods = 0 }).OfType<SetEnded>().Single().Set;

        Assert.InRange(set.Reps, 7, 9);
        Assert.InRange(set.End.TotalSeconds, 18.5, 19.6); // the last rep's extreme is at 18 s, it ends at 19 s
        Assert.InRange(kept.End.TotalSeconds, 21, 21.6);  // the classifier's end
        Assert.Equal(set.Reps, kept.Reps);
    }

    [Fact]
    public void A_hold_needs_no_reps_to_be_a_set()
    {
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 3).Add("idle", 3, noise: 0.3).Add("plank", 20, noise: 0.3).Add("idle", 3, noise: 0.3);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.Equal("plank", set.Exercise);
        Assert.NotNull(set.HoldDuration);
    }

    [Fact]
    public void Period_bounds_per_exercise_are_respected()
    {
        // Reps every 2 s, but squats are configured to be 3–6 s: no period fits well enough to count 10.
        var options = new TemporalOptions();
        options.RepPeriods["squat"] = new RepPeriodBounds { MinSeconds = 0.5, MaxSeconds = 1.5 };

        var set = Play(Session(2.0, 10).Frames, options).OfType<SetEnded>().Single().Set;

        Assert.NotInRange(set.Reps, 9, 11);
    }

    [Theory]
    [InlineData(1.8, 8)]
    [InlineData(2.4, 7)]
    [InlineData(3.2, 6)]
    public void Lunges_that_change_legs_every_rep_are_counted_rep_by_rep(double period, int reps)
    {
        // The picture repeats every two reps; without the lunge's own period bounds the counter
        // took that for the period and counted about half (4 of 8, 3 of 7).
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 5)
            .Add("idle", 3).Add("lunge", SetUpSeconds).AddAlternatingReps("lunge", period, reps, sideShare: 0.8).Add("idle", 4);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.Equal("lunge", set.Exercise);
        Assert.InRange(set.Reps, reps - 1, reps + 1);
    }

    [Fact]
    public void Fast_running_is_counted()
    {
        // 0.5 s a rep (a left and a right stride) is below the default bounds' 0.6 s: without
        // running's own bounds the counter took two reps for one and counted 8 of 18.
        var session = new SyntheticSession(30, embeddingDims: 16, seed: 3)
            .Add("idle", 3).Add("running", 2, offset: 0.5).AddReps("running", 0.5, 18).Add("idle", 4);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.Equal("running", set.Exercise);
        Assert.InRange(set.Reps, 17, 19);
    }

    [Fact]
    public void A_rep_the_counter_doubts_inside_a_steady_rhythm_is_filled_in()
    {
        // 10 reps of 1.6 s; the sixth barely swings (a tenth of the others), so the counter cannot
        // tell it from noise: without filling, a gap of two periods is left where it was.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 5)
            .Add("idle", 3, noise: 0.3)
            .AddReps("squat", 1.6, 5, 0.3)
            .AddReps("squat", 1.6, 1, 0.3, amplitude: 0.1)
            .AddReps("squat", 1.6, 4, 0.3)
            .Add("idle", 4, noise: 0.3);

        var events = Play(session.Frames);
        var set = events.OfType<SetEnded>().Single().Set;
        var unfilled = Play(session.Frames, new TemporalOptions { RepGapFillPeriods = 0 }).OfType<SetEnded>().Single().Set;

        // The weak rep's extreme is at 11.4 s: missed without filling, filled in between its neighbours.
        static bool NearWeakRep(TimeSpan t) => t.TotalSeconds is > 10.9 and < 11.9;
        Assert.DoesNotContain(unfilled.RepTimes, NearWeakRep);
        Assert.Single(set.RepTimes, NearWeakRep);
        Assert.Equal(unfilled.Reps + 1, set.Reps);
        Assert.InRange(set.Reps, 9, 11);
        var gaps = set.RepTimes.Zip(set.RepTimes.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.All(gaps, g => Assert.InRange(g, 1.2, 2.0));
        // Announced in order like any other rep.
        Assert.Equal(set.RepTimes, events.OfType<RepCounted>().Select(r => r.Time));
        Assert.Equal(Enumerable.Range(1, set.Reps), events.OfType<RepCounted>().Select(r => r.RepNumber));
    }

    [Fact]
    public void A_pause_of_several_periods_inside_a_set_is_not_filled_with_reps()
    {
        // 5 reps, 4.8 s (3 periods) still while the classifier still calls it a squat, 5 reps: the
        // reps either side lie 4 periods apart, a pause, not a missed rep.
        var session = new SyntheticSession(15, embeddingDims: 16, seed: 5)
            .Add("idle", 3, noise: 0.3)
            .AddReps("squat", 1.6, 5, 0.3)
            .Add("squat", 4.8, noise: 0.3)
            .AddReps("squat", 1.6, 5, 0.3)
            .Add("idle", 4, noise: 0.3);

        var set = Play(session.Frames).OfType<SetEnded>().Single().Set;

        Assert.InRange(set.Reps, 9, 11);
        Assert.True(set.RepTimes.Count(t => t.TotalSeconds > 11.5 && t.TotalSeconds < 15.5) <= 1, string.Join(" ", set.RepTimes));
    }

    [Fact]
    public void Lunge_and_running_bounds_are_defaults_that_configuration_can_change()
    {
        var options = new TemporalOptions();
        Assert.Equal((1.2, 3.3), options.PeriodBoundsFor("lunge"));
        Assert.Equal((0.45, 1.2), options.PeriodBoundsFor("running"));
        Assert.Equal((options.RepMinPeriodSeconds, options.RepMaxPeriodSeconds), options.PeriodBoundsFor("squat"));
    }

    [Fact]
    public void Replays_are_deterministic()
    {
        var frames = Session(1.5, 10, seed: 11).Frames;

        var first = Describe(Play(frames), withTimeline: true);
        var second = Describe(Play(frames), withTimeline: true);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Analyzer_finds_the_period_of_a_clean_sinusoid()
    {
        var times = Enumerable.Range(0, 300).Select(i => TimeSpan.FromSeconds(i / 30.0)).ToList();
        var features = times.Select(t => new[] { (float)Math.Sin(2 * Math.PI * t.TotalSeconds / 1.25), 0.5f }).ToList();

        var analysis = RepAnalyzer.Analyze(times, features, 0.6, 6, 0.5);

        Assert.NotNull(analysis.PeriodSeconds);
        Assert.Equal(1.25, analysis.PeriodSeconds.Value, 0.05);
        Assert.InRange(analysis.Peaks.Count, 7, 8);
    }
}
