using LiveWorkout.Core;
using LiveWorkout.Synthetic;
using LiveWorkout.Synthetic.Motions;
using OpenCvSharp;

namespace LiveWorkout.Synthetic.Tests;

/// <summary>Each way of doing an exercise poses a plausible body, keeps its rep times at the extremes, and sessions mix them deterministically.</summary>
public sealed class VariantTests
{
    public static TheoryData<string, string> AllVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (string e in ExerciseCatalog.All.Where(e => !ExerciseCatalog.IsIdle(e)))
            foreach (string v in MotionVariants.Of(e)) data.Add(e, v);
        return data;
    }

    /// <summary>The height that marks a rep's extreme, and whether it is highest (else lowest) there.</summary>
    private static (Func<BodyPose, double> Height, bool Highest)? Extreme(string exercise) => exercise switch
    {
        "squat" or "lunge" => (p => p[Joint.Pelvis].Y, false),
        "push_up" => (p => p[Joint.Spine].Y, false),
        "pull_up" => (p => p[Joint.Head].Y, true),
        "sit_up" => (p => p[Joint.Neck].Y, true),
        "shoulder_press" or "bicep_curl" or "lateral_raise" or "t_bar_row" => (p => Math.Max(p[Joint.LeftWrist].Y, p[Joint.RightWrist].Y), true),
        "bench_press" or "incline_bench_press" or "decline_bench_press" or "deadlift" or "romanian_deadlift" or "lat_pulldown" or "tricep_pushdown" =>
            (p => Math.Max(p[Joint.LeftWrist].Y, p[Joint.RightWrist].Y), false),
        "chest_fly" => (p => -(p[Joint.LeftWrist] - p[Joint.RightWrist]).Length, true),
        "hip_thrust" => (p => p[Joint.Pelvis].Y, true),
        "leg_extension" or "leg_raise" => (p => Math.Max(p[Joint.LeftAnkle].Y, p[Joint.RightAnkle].Y), true),
        "tricep_dip" => (p => p[Joint.Neck].Y, false),
        _ => null,
    };

    [Theory]
    [MemberData(nameof(AllVariants))]
    public void Rep_time_is_the_extreme_of_every_variant(string exercise, string variant)
    {
        // Running, jumping jacks, planks, twists, mountain climbers and burpees have no variants that move differently.
        if (Extreme(exercise) is not { } extreme) return;
        var script = new SessionScript([new IdleSegment(IdleActivity.Standing, 2), new SetSegment(exercise, 4, 1.1, 0.9, Variant: variant)], 40);
        var timeline = new ScriptTimeline(script, new Random(3));
        var solver = new BodySolver(SyntheticPerson.Random(new Random(4)));
        var set = Assert.Single(timeline.Labels.Sets);
        Assert.Equal(variant, Assert.Single(timeline.Sets).Variant);
        var bounds = new List<double> { set.Start.TotalSeconds };
        for (int i = 1; i < set.RepTimes.Count; i++) bounds.Add((set.RepTimes[i - 1].TotalSeconds + set.RepTimes[i].TotalSeconds) / 2);
        bounds.Add(set.End.TotalSeconds);
        for (int rep = 0; rep < set.RepTimes.Count; rep++)
        {
            double best = double.NaN, bestValue = extreme.Highest ? double.MinValue : double.MaxValue;
            for (double t = bounds[rep]; t <= bounds[rep + 1]; t += 1.0 / 240)
            {
                double y = extreme.Height(solver.Solve(timeline.AnglesAt(t), Vec3.Zero));
                if (extreme.Highest ? y > bestValue : y < bestValue) { bestValue = y; best = t; }
            }
            Assert.InRange(best, set.RepTimes[rep].TotalSeconds - 1.0 / 60, set.RepTimes[rep].TotalSeconds + 1.0 / 60);
        }
        double start = extreme.Height(solver.Solve(timeline.AnglesAt(set.Start.TotalSeconds), Vec3.Zero));
        double atRep = extreme.Height(solver.Solve(timeline.AnglesAt(set.RepTimes[0].TotalSeconds), Vec3.Zero));
        Assert.True(Math.Abs(atRep - start) > 0.1, $"{exercise}/{variant} moves only {Math.Abs(atRep - start):0.000} m");
    }

    [Theory]
    [MemberData(nameof(AllVariants))]
    public void Every_variant_stays_on_or_above_the_floor_and_in_the_frame(string exercise, string variant)
    {
        var motion = ExerciseMotion.For(exercise, variant);
        for (int seed = 0; seed < 3; seed++)
        {
            var rng = new Random(seed);
            var person = SyntheticPerson.Random(rng);
            var solver = new BodySolver(person);
            var spec = SceneSpec.Random(rng, new SceneOptions(OcclusionChance: 0), motion.UsesBar, motion.IsOnFloor);
            var camera = spec.CameraFor(MotionSampling.Spread(motion, solver, Vec3.Zero), person, 160, 120);
            for (int k = 0; k < 8; k++)
            {
                var pose = solver.Solve(MotionSampling.RandomMoment(motion, rng), Vec3.Zero);
                for (int j = 0; j < Joints.Count; j++)
                {
                    Assert.True(pose.Joints[j].Y > -0.02, $"{exercise}/{variant}: {Joints.Names[j]} is under the floor ({pose.Joints[j].Y:0.000} m)");
                    var p = camera.Project(pose.Joints[j]);
                    Assert.True(p.X >= 0 && p.X < 160 && p.Y >= 0 && p.Y < 120, $"{exercise}/{variant}: {Joints.Names[j]} at ({p.X:0.0}, {p.Y:0.0}) is outside the frame");
                }
            }
        }
    }

    [Theory]
    [InlineData(BicepCurlMotion.Seated)]
    [InlineData(BicepCurlMotion.SeatedAlternating)]
    [InlineData(BicepCurlMotion.Incline)]
    [InlineData(BicepCurlMotion.Preacher)]
    public void Seated_curls_sit_at_bench_height_with_the_knees_bent_square(string variant)
    {
        var motion = new BicepCurlMotion(variant);
        for (int seed = 0; seed < 5; seed++)
        {
            var person = SyntheticPerson.Random(new Random(seed));
            var solver = new BodySolver(person);
            foreach (double phase in new[] { 0, 0.25, 0.5 })
            {
                var pose = solver.Solve(motion.At(phase, 1, 0), Vec3.Zero);
                // A bench is 40-50 cm high for a 1.75 m person; the pelvis sits a thigh's radius above it.
                Assert.InRange(pose[Joint.Pelvis].Y / person.Height, 0.24, 0.36);
                Assert.InRange(Angle(pose, Joint.LeftHip, Joint.LeftKnee, Joint.LeftAnkle), 75, 105);
                Assert.InRange(Angle(pose, Joint.RightHip, Joint.RightKnee, Joint.RightAnkle), 75, 105);
                Assert.InRange(pose[Joint.LeftAnkle].Y, 0, 0.12); // feet on the floor
            }
        }
        var seated = new BodySolver(SyntheticPerson.Random(new Random(1))).Solve(motion.Start, Vec3.Zero);
        double lean = Math.Atan2(seated[Joint.Neck].Z - seated[Joint.Pelvis].Z, seated[Joint.Neck].Y - seated[Joint.Pelvis].Y) * 180 / Math.PI;
        if (variant == BicepCurlMotion.Incline)
        {
            Assert.InRange(lean, -50, -28); // leaning back on the incline
            Assert.True(seated[Joint.LeftElbow].Z < seated[Joint.LeftShoulder].Z, "on an incline bench the arms hang behind the trunk");
        }
        if (variant == BicepCurlMotion.Preacher)
        {
            Vec3 upper = seated[Joint.LeftElbow] - seated[Joint.LeftShoulder];
            double flexion = Math.Atan2(upper.Z, -upper.Y) * 180 / Math.PI;
            Assert.InRange(flexion, 35, 55); // upper arms forward and down on the pad
        }
    }

    [Theory]
    [InlineData(SquatMotion.BackSquat)]
    [InlineData(SquatMotion.FrontSquat)]
    [InlineData(SquatMotion.Goblet)]
    [InlineData(SquatMotion.Machine)]
    public void Loaded_squats_hold_the_weight_with_bent_elbows_all_the_way_down(string variant)
    {
        var motion = new SquatMotion(variant);
        var solver = new BodySolver(SyntheticPerson.Random(new Random(2)));
        foreach (double phase in new[] { 0, 0.2, 0.5, 0.8 })
        {
            var pose = solver.Solve(motion.At(phase, 1, 0), Vec3.Zero);
            Assert.InRange(Angle(pose, Joint.LeftShoulder, Joint.LeftElbow, Joint.LeftWrist), 60, 110);
            Assert.InRange(Angle(pose, Joint.RightShoulder, Joint.RightElbow, Joint.RightWrist), 60, 110);
            Assert.True(pose[Joint.LeftWrist].Y > pose[Joint.Spine].Y, $"{variant}: the hands are not up at the chest or shoulders");
        }
        Assert.NotEqual(HeldProp.None, motion.Start.Held);
    }

    [Fact]
    public void A_box_squat_is_shallower_than_a_bodyweight_squat_and_a_machine_squat_stays_upright()
    {
        var solver = new BodySolver(SyntheticPerson.Random(new Random(5)));
        BodyPose Bottom(string v) => solver.Solve(new SquatMotion(v).At(0.5, 1, 0), Vec3.Zero);
        Assert.True(Bottom(SquatMotion.BoxSquat)[Joint.Pelvis].Y > Bottom(SquatMotion.Bodyweight)[Joint.Pelvis].Y + 0.04);
        var machine = Bottom(SquatMotion.Machine);
        double lean = Math.Atan2(machine[Joint.Neck].Z - machine[Joint.Pelvis].Z, machine[Joint.Neck].Y - machine[Joint.Pelvis].Y) * 180 / Math.PI;
        Assert.InRange(lean, -5, 20);
    }

    [Theory]
    [InlineData(LungeMotion.SplitSquat, true, true)]
    [InlineData(LungeMotion.SplitSquat + LungeMotion.WithDumbbells, true, true)]
    [InlineData(LungeMotion.Reverse, false, true)]
    public void Lunges_keep_planted_feet_still(string variant, bool bothFeet, bool apartAtBottom)
    {
        var script = new SessionScript([new IdleSegment(IdleActivity.Standing, 2), new SetSegment("lunge", 4, 1, 1, Variant: variant)], 40);
        var timeline = new ScriptTimeline(script, new Random(1));
        var person = SyntheticPerson.Random(new Random(9));
        var solver = new BodySolver(person);
        var set = Assert.Single(timeline.Labels.Sets);
        // Rep 0 plants the left foot in front; look at the first rep only (legs alternate).
        double end = set.Start.TotalSeconds + 2 * (set.RepTimes[0] - set.Start).TotalSeconds;
        var first = solver.Solve(timeline.AnglesAt(set.Start.TotalSeconds), Vec3.Zero);
        for (double t = set.Start.TotalSeconds; t < end; t += 0.05)
        {
            var pose = solver.Solve(timeline.AnglesAt(t), Vec3.Zero);
            Assert.True(Flat(pose[Joint.LeftAnkle] - first[Joint.LeftAnkle]) < 0.03, $"{variant}: the front foot slides {Flat(pose[Joint.LeftAnkle] - first[Joint.LeftAnkle]):0.000} m at {t:0.00} s");
            if (bothFeet)
            {
                Assert.True(Flat(pose[Joint.RightAnkle] - first[Joint.RightAnkle]) < 0.03, $"{variant}: the back foot slides at {t:0.00} s");
                Assert.True(Flat(pose[Joint.LeftAnkle] - pose[Joint.RightAnkle]) > 0.35 * person.Height, $"{variant}: the feet come together at {t:0.00} s");
            }
        }
        var bottom = solver.Solve(timeline.AnglesAt(set.RepTimes[0].TotalSeconds), Vec3.Zero);
        if (apartAtBottom) Assert.True(Flat(bottom[Joint.LeftAnkle] - bottom[Joint.RightAnkle]) > 0.45 * person.Height);
        Assert.InRange(Angle(bottom, Joint.LeftHip, Joint.LeftKnee, Joint.LeftAnkle), 75, 105);
    }

    [Theory]
    [InlineData("lunge", LungeMotion.Reverse + LungeMotion.WithBarbell, "on the back", HeldProp.Barbell)]
    [InlineData("lunge", LungeMotion.Walking + LungeMotion.WithRackedDumbbells, "racked", HeldProp.Dumbbells)]
    [InlineData("lunge", LungeMotion.SplitSquat + LungeMotion.Prisoner, "behind the head", HeldProp.None)]
    [InlineData("lunge", LungeMotion.Forward + LungeMotion.Prisoner, "behind the head", HeldProp.None)]
    [InlineData("squat", SquatMotion.Prisoner, "behind the head", HeldProp.None)]
    public void Lunges_and_squats_carry_the_load_where_people_carry_it(string exercise, string variant, string where, HeldProp held)
    {
        var motion = ExerciseMotion.For(exercise, variant);
        Assert.Equal(held, motion.Start.Held);
        for (int seed = 0; seed < 3; seed++)
        {
            var person = SyntheticPerson.Random(new Random(seed));
            var solver = new BodySolver(person);
            foreach (double phase in new[] { 0, 0.25, 0.5 })
            {
                var pose = solver.Solve(motion.At(phase, 1, 1), Vec3.Zero);
                foreach (var (wrist, shoulder) in new[] { (Joint.LeftWrist, Joint.LeftShoulder), (Joint.RightWrist, Joint.RightShoulder) })
                {
                    // Along the trunk: how far the hand is above the shoulder and in front of the trunk's plane.
                    Vec3 up = (pose[Joint.Neck] - pose[Joint.Pelvis]).Normalized();
                    Vec3 side = (pose[Joint.LeftShoulder] - pose[Joint.RightShoulder]).Normalized();
                    Vec3 forward = Vec3.Cross(side, up).Normalized();
                    Vec3 hand = pose[wrist] - pose[shoulder];
                    double above = Vec3.Dot(hand, up) / person.Height, ahead = Vec3.Dot(hand, forward) / person.Height;
                    string at = $"{exercise}/{variant} at phase {phase}: {wrist} {above:0.00} above the shoulder, {ahead:0.00} ahead";
                    switch (where)
                    {
                        case "on the back": Assert.True(above is > -0.06 and < 0.08 && ahead < 0.02, at); break;
                        case "racked": Assert.True(above is > -0.06 and < 0.08 && ahead > 0.03, at); break;
                        default:
                            Assert.True(above is > 0.04 and < 0.16, at);
                            Assert.True((pose[wrist] - pose[Joint.Head]).Length < 0.12 * person.Height, $"{at}: the hand is not at the head");
                            break;
                    }
                }
            }
        }
    }

    public static TheoryData<string> SquatVariants() => [.. MotionVariants.Of("squat")];

    [Theory]
    [MemberData(nameof(SquatVariants))]
    public void Squats_keep_the_feet_planted_and_the_knees_over_them(string variant)
    {
        var motion = new SquatMotion(variant);
        var person = SyntheticPerson.Random(new Random(11));
        var solver = new BodySolver(person);
        var top = solver.Solve(motion.At(0, 1, 0), Vec3.Zero);
        for (double phase = 0.1; phase <= 0.5; phase += 0.1)
        {
            var pose = solver.Solve(motion.At(phase, 1, 0), Vec3.Zero);
            foreach (var (hip, knee, ankle) in new[] { (Joint.LeftHip, Joint.LeftKnee, Joint.LeftAnkle), (Joint.RightHip, Joint.RightKnee, Joint.RightAnkle) })
            {
                // Side to side, from the midline: a foot that slides in, or a knee that caves inside its hip, is not a squat.
                Assert.True(Math.Abs(pose[ankle].X - top[ankle].X) < 0.04, $"{variant}: {ankle} slides {pose[ankle].X - top[ankle].X:0.000} m at phase {phase:0.0}");
                Assert.True(Math.Abs(pose[knee].X) > Math.Abs(pose[hip].X) - 0.01, $"{variant}: {knee} caves in at phase {phase:0.0}");
            }
        }
    }

    [Fact]
    public void A_sumo_squat_keeps_the_feet_wide_and_the_weight_between_the_legs()
    {
        var motion = new SquatMotion(SquatMotion.Sumo);
        var person = SyntheticPerson.Random(new Random(7));
        var solver = new BodySolver(person);
        var top = solver.Solve(motion.At(0, 1, 0), Vec3.Zero);
        var bottom = solver.Solve(motion.At(0.5, 1, 0), Vec3.Zero);
        var usualTop = solver.Solve(new SquatMotion().At(0, 1, 0), Vec3.Zero);
        var usualBottom = solver.Solve(new SquatMotion().At(0.5, 1, 0), Vec3.Zero);
        double Wide(BodyPose p) => Flat(p[Joint.LeftAnkle] - p[Joint.RightAnkle]);
        Assert.True(Wide(top) > 1.4 * Wide(usualTop), $"sumo feet {Wide(top):0.00} m apart, usual {Wide(usualTop):0.00} m");
        Assert.True(Wide(bottom) > 1.4 * Wide(usualBottom), $"at the bottom the sumo feet are {Wide(bottom):0.00} m apart, usual {Wide(usualBottom):0.00} m");
        foreach (var pose in new[] { top, bottom })
        {
            Assert.True(Flat(pose[Joint.LeftWrist] - pose[Joint.RightWrist]) < 0.2, "the hands hold one weight together");
            Assert.True(pose[Joint.LeftWrist].Y < pose[Joint.Pelvis].Y, "the weight hangs below the hips");
        }
        Assert.True(top[Joint.Pelvis].Y - bottom[Joint.Pelvis].Y > 0.15 * person.Height, "the hips go down");
    }

    [Theory]
    [InlineData(PullUpMotion.Wide)]
    [InlineData(PullUpMotion.Partial)]
    [InlineData(PullUpMotion.ChinUp)]
    public void A_hanging_pull_up_keeps_the_feet_together(string variant)
    {
        var motion = new PullUpMotion(variant);
        var solver = new BodySolver(SyntheticPerson.Random(new Random(5)));
        foreach (double phase in new[] { 0, 0.25, 0.5 })
        {
            var pose = solver.Solve(motion.At(phase, 1, 0), Vec3.Zero);
            double feet = Flat(pose[Joint.LeftAnkle] - pose[Joint.RightAnkle]), hips = Flat(pose[Joint.LeftHip] - pose[Joint.RightHip]);
            Assert.True(feet < 0.6 * hips, $"{variant} at {phase}: feet {feet:0.00} m apart, hips {hips:0.00} m");
        }
        var straight = solver.Solve(new PullUpMotion(PullUpMotion.Wide).At(0, 1, 0), Vec3.Zero);
        Assert.True(Angle(straight, Joint.LeftHip, Joint.LeftKnee, Joint.LeftAnkle) > 165, "a wide-grip hang keeps the legs straight");
    }

    [Theory]
    [InlineData(ShoulderPressMotion.Standing)]
    [InlineData(ShoulderPressMotion.Barbell)]
    [InlineData(ShoulderPressMotion.PalmsIn)]
    public void A_standing_press_braces_with_the_feet_about_shoulder_width_apart(string variant)
    {
        var solver = new BodySolver(SyntheticPerson.Random(new Random(6)));
        foreach (double phase in new[] { 0, 0.5 })
        {
            var pose = solver.Solve(new ShoulderPressMotion(variant).At(phase, 1, 0), Vec3.Zero);
            double feet = Flat(pose[Joint.LeftAnkle] - pose[Joint.RightAnkle]), shoulders = Flat(pose[Joint.LeftShoulder] - pose[Joint.RightShoulder]);
            Assert.InRange(feet / shoulders, 0.85, 1.3);
        }
    }

    [Fact]
    public void Walking_lunges_move_forward_every_rep()
    {
        var script = new SessionScript([new IdleSegment(IdleActivity.Standing, 2), new SetSegment("lunge", 4, 1, 1, Variant: LungeMotion.Walking)], 40);
        var timeline = new ScriptTimeline(script, new Random(1));
        var solver = new BodySolver(SyntheticPerson.Random(new Random(9)));
        var set = Assert.Single(timeline.Labels.Sets);
        var z = set.RepTimes.Select(t => solver.Solve(timeline.AnglesAt(t.TotalSeconds), Vec3.Zero)[Joint.Pelvis].Z).ToList();
        for (int i = 1; i < z.Count; i++) Assert.InRange(z[i] - z[i - 1], 0.5, 1.2);
        Assert.True(Math.Abs(z[0] + z[^1]) < 0.3, "the walk is centred on the anchor");
    }

    [Fact]
    public void After_a_walking_lunge_the_person_walks_back_instead_of_sliding()
    {
        var script = new SessionScript(
            [new IdleSegment(IdleActivity.Standing, 2), new SetSegment("lunge", 5, 1, 1, Variant: LungeMotion.Walking), new IdleSegment(IdleActivity.Standing, 6)], 60);
        var timeline = new ScriptTimeline(script, new Random(1));
        var solver = new BodySolver(SyntheticPerson.Random(new Random(9)));
        double end = timeline.Labels.Sets[0].End.TotalSeconds;
        double from = solver.Solve(timeline.AnglesAt(end), Vec3.Zero)[Joint.Pelvis].Z;
        double kneeMax = 0, arrived = double.NaN;
        for (double t = end; t < end + 5; t += 0.02)
        {
            var angles = timeline.AnglesAt(t);
            kneeMax = Math.Max(kneeMax, angles.LeftLeg.Knee);
            if (double.IsNaN(arrived) && Math.Abs(solver.Solve(angles, Vec3.Zero)[Joint.Pelvis].Z) < 0.05) arrived = t;
        }
        Assert.True(from > 1, $"the walk ends only {from:0.00} m from the anchor");
        Assert.True(kneeMax > 25, "the legs do not step on the way back");
        Assert.True(arrived - end > from / 1.5, $"{from:0.00} m back in {arrived - end:0.00} s");
    }

    [Theory]
    [InlineData(PushUpMotion.Incline, 28, 50)]
    [InlineData(PushUpMotion.Floor, 5, 25)]
    public void Push_up_trunk_angle_suits_its_support(string variant, double low, double high)
    {
        var pose = new BodySolver(SyntheticPerson.Random(new Random(3))).Solve(new PushUpMotion(variant).Start, Vec3.Zero);
        double rise = pose[Joint.Neck].Y - pose[Joint.LeftAnkle].Y;
        double run = Flat(pose[Joint.Neck] - pose[Joint.LeftAnkle]);
        Assert.InRange(Math.Atan2(rise, run) * 180 / Math.PI, low, high);
    }

    [Fact]
    public void Knee_push_ups_rest_on_the_knees()
    {
        var pose = new BodySolver(SyntheticPerson.Random(new Random(3))).Solve(new PushUpMotion(PushUpMotion.Knees).At(0.5, 1, 0), Vec3.Zero);
        Assert.True(pose[Joint.LeftKnee].Y < 0.08, $"knee at {pose[Joint.LeftKnee].Y:0.00} m");
        Assert.True(pose[Joint.LeftAnkle].Y > pose[Joint.LeftKnee].Y + 0.1, "the feet are up off the floor");
    }

    [Fact]
    public void Slow_sets_take_longer_per_rep_and_pauses_sit_on_the_extreme()
    {
        ScriptTimeline Make(SetSegment set) => new(new SessionScript([new IdleSegment(IdleActivity.Standing, 2), set], 120), new Random(5));
        double Period(ScriptTimeline t) { var r = t.Labels.Sets[0].RepTimes; return (r[^1] - r[0]).TotalSeconds / (r.Count - 1); }
        var usual = Make(new SetSegment("push_up", 5, 1, 1));
        var slow = Make(new SetSegment("push_up", 5, 0.4, 1));
        Assert.True(Period(slow) > 2.2 * Period(usual), $"slow reps every {Period(slow):0.00} s, usual every {Period(usual):0.00} s");

        var paused = Make(new SetSegment("squat", 5, 1, 1, PauseAtExtreme: 1.0, Seed: 3));
        var solver = new BodySolver(SyntheticPerson.Random(new Random(2)));
        var set = paused.Labels.Sets[0];
        int held = 0;
        foreach (var rep in set.RepTimes)
        {
            double at = solver.Solve(paused.AnglesAt(rep.TotalSeconds), Vec3.Zero)[Joint.Pelvis].Y;
            double before = solver.Solve(paused.AnglesAt(rep.TotalSeconds - 0.3), Vec3.Zero)[Joint.Pelvis].Y;
            double after = solver.Solve(paused.AnglesAt(rep.TotalSeconds + 0.3), Vec3.Zero)[Joint.Pelvis].Y;
            Assert.True(at <= before + 1e-9 && at <= after + 1e-9, "the rep time is the bottom of the rep");
            if (Math.Abs(before - at) < 1e-6 && Math.Abs(after - at) < 1e-6) held++;
        }
        Assert.True(held >= 2, $"only {held} of 5 reps pause at the bottom");
        Assert.True(Period(paused) > Period(Make(new SetSegment("squat", 5, 1, 1))) + 0.5);
    }

    [Fact]
    public void Partial_reps_go_part_of_the_way()
    {
        var solver = new BodySolver(SyntheticPerson.Random(new Random(2)));
        double Drop(SetSegment set)
        {
            var timeline = new ScriptTimeline(new SessionScript([new IdleSegment(IdleActivity.Standing, 2), set], 60), new Random(5));
            var s = timeline.Labels.Sets[0];
            double top = solver.Solve(timeline.AnglesAt(s.Start.TotalSeconds), Vec3.Zero)[Joint.Pelvis].Y;
            return s.RepTimes.Average(r => top - solver.Solve(timeline.AnglesAt(r.TotalSeconds), Vec3.Zero)[Joint.Pelvis].Y);
        }
        double full = Drop(new SetSegment("squat", 6, 1, 1));
        double partial = Drop(new SetSegment("squat", 6, 1, 1, PartialShare: 1, Seed: 4));
        Assert.InRange(partial / full, 0.35, 0.8);
    }

    [Fact]
    public void Random_sessions_mix_variants_tempos_pauses_and_partial_reps_deterministically()
    {
        var variants = new HashSet<string>();
        bool slow = false, pause = false, partial = false;
        for (int seed = 0; seed < 40; seed++)
        {
            var a = SessionScript.Random(new Random(seed), 120, new Random(seed + 1000));
            var b = SessionScript.Random(new Random(seed), 120, new Random(seed + 1000));
            Assert.Equal(a.Segments, b.Segments);
            foreach (var set in a.Segments.OfType<SetSegment>())
            {
                Assert.Contains(set.Variant, MotionVariants.Of(set.Exercise));
                variants.Add($"{set.Exercise}/{set.Variant}");
                slow |= set.Tempo < 0.6;
                pause |= set.PauseAtExtreme > 0 || set.PauseBetween > 0;
                partial |= set.PartialShare > 0;
            }
            // The variety stream changes how sets are done, never which exercises come in which order.
            var other = SessionScript.Random(new Random(seed), 120, new Random(seed + 2000));
            Assert.Equal(a.Segments.OfType<SetSegment>().Select(s => s.Exercise).Take(3), other.Segments.OfType<SetSegment>().Select(s => s.Exercise).Take(3));
        }
        Assert.True(slow && pause && partial, $"slow {slow}, pauses {pause}, partial reps {partial}");
        Assert.True(variants.Count >= 30, $"only {variants.Count} exercise variants in 40 sessions");
    }

    [Fact]
    public void Sessions_draw_the_first_ten_exercises_unless_given_a_vocabulary()
    {
        var byDefault = new HashSet<string>();
        var fromAll = new HashSet<string>();
        for (int seed = 0; seed < 60; seed++)
        {
            byDefault.UnionWith(SessionScript.Random(new Random(seed), 120, new Random(seed + 1000)).Segments.OfType<SetSegment>().Select(s => s.Exercise));
            fromAll.UnionWith(SessionScript.Random(new Random(seed), 120, new Random(seed + 1000), ExerciseCatalog.All).Segments.OfType<SetSegment>().Select(s => s.Exercise));
        }
        Assert.Equal(ExerciseCatalog.Ten.Where(e => !ExerciseCatalog.IsIdle(e)).Order(), byDefault.Order());
        Assert.Equal(ExerciseCatalog.All.Where(e => !ExerciseCatalog.IsIdle(e)).Order(), fromAll.Order());
        var deadlifts = SessionScript.Random(new Random(1), 120, new Random(2), ExerciseCatalog.Vocabulary("deadlift"));
        Assert.All(deadlifts.Segments.OfType<SetSegment>(), s => Assert.Equal("deadlift", s.Exercise));
    }

    [Theory]
    [InlineData("leg_extension", "standard")]
    [InlineData("leg_raise", "lying")]
    [InlineData("mountain_climber", "standard")]
    [InlineData("russian_twist", "feet_up")]
    public void Legs_that_swing_free_leave_the_pelvis_in_place(string exercise, string variant)
    {
        // Without the pelvis anchor the feet hold their place and the body slides as they move.
        var motion = ExerciseMotion.For(exercise, variant);
        var solver = new BodySolver(SyntheticPerson.Random(new Random(5)));
        var first = solver.Solve(motion.At(0, 1, 0), Vec3.Zero)[Joint.Pelvis];
        for (double phase = 0.05; phase < 1; phase += 0.05)
        {
            var pelvis = solver.Solve(motion.At(phase, 1, 0), Vec3.Zero)[Joint.Pelvis];
            double slide = Math.Sqrt((pelvis.X - first.X) * (pelvis.X - first.X) + (pelvis.Z - first.Z) * (pelvis.Z - first.Z));
            Assert.True(slide < 0.03, $"{exercise}: the pelvis slides {slide:0.000} m at phase {phase:0.00}");
        }
    }

    [Fact]
    public void A_leg_extension_sits_at_knee_height_and_dips_hang_from_bars_above_the_hips()
    {
        var person = SyntheticPerson.Random(new Random(6));
        var solver = new BodySolver(person);
        var extension = ExerciseMotion.For("leg_extension");
        foreach (double phase in new[] { 0.0, 0.5 })
            Assert.Equal(person.SeatHeight, solver.Solve(extension.At(phase, 1, 0), Vec3.Zero)[Joint.Pelvis].Y, 3);
        var dip = solver.Solve(ExerciseMotion.For("tricep_dip", "bars").Start, Vec3.Zero);
        Assert.Equal(person.DipBarHeight, (dip[Joint.LeftWrist].Y + dip[Joint.RightWrist].Y) / 2, 3);
        Assert.True(person.DipBarHeight < person.BarHeight - 0.5);
        // Held up on the bars, the feet are off the floor.
        Assert.True(Math.Min(dip[Joint.LeftFoot].Y, dip[Joint.RightFoot].Y) > 0.05);
    }

    [Fact]
    public void A_session_tells_the_variant_of_each_labelled_set()
    {
        using var session = new SyntheticSession(seed: 12, 80, 60, durationSeconds: 90);
        Assert.Equal(session.Labels.Sets.Count, session.Timeline.Sets.Count);
        foreach (var (labels, scripted) in session.Labels.Sets.Zip(session.Timeline.Sets))
        {
            Assert.Same(labels, scripted.Labels);
            Assert.Contains(scripted.Variant, MotionVariants.Of(labels.Exercise));
            double mid = (labels.Start + labels.End).TotalSeconds / 2;
            Assert.Equal(scripted.Variant, session.Timeline.VariantAt(mid));
        }
        Assert.Null(session.Timeline.VariantAt(0.1));
    }

    [Fact]
    public void Idle_activities_stay_in_the_frame_and_on_the_floor()
    {
        foreach (var activity in IdleMotion.Activities)
        {
            var motion = new IdleMotion(activity);
            var rng = new Random((int)activity);
            var person = SyntheticPerson.Random(rng);
            var solver = new BodySolver(person);
            var spec = SceneSpec.Random(rng, new SceneOptions(OcclusionChance: 0), false, false);
            var camera = spec.CameraFor(MotionSampling.Spread(motion, solver, Vec3.Zero), person, 160, 120);
            using var image = new Mat();
            using var renderer = new SceneRenderer(person, spec, camera, Vec3.Zero);
            for (int k = 0; k < 8; k++)
            {
                var pose = solver.Solve(MotionSampling.RandomMoment(motion, rng), Vec3.Zero);
                Assert.All(pose.Joints, j => Assert.True(j.Y > -0.02, $"{activity}: a joint is under the floor"));
                Assert.All(pose.Joints.Select(camera.Project), p => Assert.True(p.X >= 0 && p.X < 160 && p.Y >= 0 && p.Y < 120, $"{activity}: a joint is outside the frame"));
                renderer.Render(pose, image, rng);
            }
        }
    }

    [Fact]
    public void Sitting_idle_sits_on_a_bench()
    {
        var person = SyntheticPerson.Random(new Random(8));
        var pose = new BodySolver(person).Solve(new IdleMotion(IdleActivity.SittingResting).AtTime(2, 8), Vec3.Zero);
        Assert.InRange(pose[Joint.Pelvis].Y / person.Height, 0.24, 0.36);
    }

    [Theory]
    [InlineData(IdleActivity.Stretching)]
    [InlineData(IdleActivity.AdjustingEquipment)]
    public void Bending_over_between_sets_stays_on_the_feet_unlike_floor_exercises(IdleActivity activity)
    {
        var person = SyntheticPerson.Random(new Random(6));
        var solver = new BodySolver(person);
        for (double t = 0; t < 12; t += 0.5)
        {
            var pose = solver.Solve(new IdleMotion(activity).AtTime(t, 12), Vec3.Zero);
            Vec3 feet = (pose[Joint.LeftAnkle] + pose[Joint.RightAnkle]) * 0.5;
            Assert.True(pose[Joint.Pelvis].Y > 0.35 * person.Height, $"{activity} at {t} s: the hips are down at {pose[Joint.Pelvis].Y:0.00} m");
            Assert.True(Flat(pose[Joint.Pelvis] - feet) < 0.2 * person.Height, $"{activity} at {t} s: the hips are not over the feet");
        }
    }

    [Theory]
    [InlineData("bench_press", "barbell", Equipment.BackPad)]
    [InlineData("incline_bench_press", "dumbbells", Equipment.BackedSeat)]
    [InlineData("decline_bench_press", "barbell", Equipment.BackPad)]
    [InlineData("chest_fly", "standard", Equipment.BackedSeat)]
    [InlineData("leg_extension", "standard", Equipment.BackedSeat)]
    [InlineData("shoulder_press", "seated", Equipment.BackedSeat)]
    [InlineData("lat_pulldown", "wide", Equipment.Seat)]
    [InlineData("bicep_curl", "seated", Equipment.Seat)]
    [InlineData("lateral_raise", "seated", Equipment.Seat)]
    [InlineData("squat", "bodyweight", Equipment.None)]
    [InlineData("deadlift", "conventional", Equipment.None)]
    public void Benches_and_seats_are_drawn_under_the_people_who_rest_on_them(string exercise, string variant, Equipment expected)
    {
        var script = new SessionScript([new IdleSegment(IdleActivity.Standing, 2), new SetSegment(exercise, 4, 1.1, 0.9, Variant: variant)], 40);
        var timeline = new ScriptTimeline(script, new Random(3));
        var person = SyntheticPerson.Random(new Random(4));
        var solver = new BodySolver(person);
        var set = Assert.Single(timeline.Labels.Sets);
        var pose = solver.Solve(timeline.AnglesAt(set.RepTimes[1].TotalSeconds), Vec3.Zero);
        Assert.Equal(expected, pose.Equipment);
        Assert.Equal(Equipment.None, solver.Solve(timeline.AnglesAt(0.5), Vec3.Zero).Equipment);
        if (expected == Equipment.None) return;

        // From the side, plain: the frame with the equipment differs from the same pose without it
        // by the pads and legs, which lie below the neck.
        var spec = SceneSpec.Random(new Random(5), new SceneOptions(OcclusionChance: 0, Effects: false), false, false) with
        {
            Azimuth = 90, Elevation = 8, Roll = 0, Mirror = false, Bar = false, Mat = false,
        };
        var camera = spec.CameraFor([pose], person, 320, 240);
        using var renderer = new SceneRenderer(person, spec, camera, Vec3.Zero);
        using var with = new Mat();
        using var without = new Mat();
        renderer.Render(pose, with, new Random(1));
        renderer.Render(new BodyPose(pose.Joints, pose.Held, pose.Yaw), without, new Random(1));
        using var diff = new Mat();
        Cv2.Absdiff(with, without, diff);
        using var gray = diff.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var changed = gray.Threshold(12, 255, ThresholdTypes.Binary);
        int count = Cv2.CountNonZero(changed);
        Assert.True(count > 300, $"{exercise}/{variant}: the equipment changed {count} pixels");
        var moments = Cv2.Moments(changed, binaryImage: true);
        Assert.True(moments.M01 / moments.M00 > camera.Project(pose[Joint.Neck]).Y, $"{exercise}/{variant}: the equipment is drawn above the neck");
    }

    private static double Flat(Vec3 v) => Math.Sqrt(v.X * v.X + v.Z * v.Z);

    private static double Angle(BodyPose pose, Joint a, Joint b, Joint c)
    {
        Vec3 u = (pose[a] - pose[b]).Normalized(), w = (pose[c] - pose[b]).Normalized();
        return Math.Acos(Math.Clamp(Vec3.Dot(u, w), -1, 1)) * 180 / Math.PI;
    }
}
