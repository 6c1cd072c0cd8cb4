using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic;

/// <summary>
/// A session script laid out in time: posture at any instant, and the labels. A set's label starts
/// when its first rep starts moving (after getting into position) and ends when its last rep ends;
/// getting into position, getting up and everything else is idle. Reps vary a little in duration
/// and depth; a rep's time is the middle of its cycle, where the motion puts its extreme (a pause
/// at the extreme is centred on it). Sets that would not end before the clip does are left out,
/// and standing fills the rest. <see cref="Sets"/> tells how each labelled set was done.
/// </summary>
public sealed class ScriptTimeline
{
    private readonly List<Piece> _pieces = [];
    private readonly List<AnnotatedSet> _sets = [];
    private readonly List<ScriptedSet> _scripted = [];
    private double _end;

    private sealed record Piece(double Start, double Duration, Func<double, BodyAngles> Pose);

    public ScriptTimeline(SessionScript script, Random rng)
    {
        Duration = script.DurationSeconds;
        BodyAngles current = BodyAngles.Standing;
        IReadOnlyList<BodyAngles> exitPath = [];
        foreach (var segment in script.Segments)
        {
            int mark = _pieces.Count;
            double markEnd = _end;
            if (segment is IdleSegment idle)
            {
                var motion = new IdleMotion(idle.Activity);
                Transition(current, [.. exitPath, motion.AtTime(0, idle.Seconds)], rng);
                double seconds = idle.Seconds;
                Add(seconds, t => motion.AtTime(t, seconds));
                current = motion.AtTime(seconds, seconds);
                exitPath = [];
            }
            else if (segment is SetSegment set)
            {
                var motion = ExerciseMotion.For(set.Exercise, set.Variant, set.Reps);
                Transition(current, [.. exitPath, .. motion.EntryPath, motion.Start], rng);
                if (!AddSet(set, motion, rng))
                {
                    _pieces.RemoveRange(mark, _pieces.Count - mark);
                    _end = markEnd;
                    break;
                }
                current = motion.IsStaticHold ? motion.Start : motion.After(set.Reps - 1, set.Depth);
                exitPath = motion.EntryPath.Reverse().ToList();
            }
            if (_end > Duration) break;
        }
        if (_end < Duration)
        {
            Transition(current, [.. exitPath, BodyAngles.Standing], rng);
            var standing = new IdleMotion(IdleActivity.Standing);
            double rest = Math.Max(0, Duration - _end);
            Add(rest + 1, t => standing.AtTime(t, rest));
        }
        Labels = new ClipAnnotation(_sets);
        Exercises = _sets.Select(s => s.Exercise).Distinct().ToList();
        Sets = _scripted;
    }

    public double Duration { get; }
    public ClipAnnotation Labels { get; }
    public IReadOnlyList<string> Exercises { get; }

    /// <summary>The labelled sets in the order of <see cref="ClipAnnotation.Sets"/>, each with the segment that made it.</summary>
    public IReadOnlyList<ScriptedSet> Sets { get; }

    /// <summary>The variant of the set labelled at <paramref name="time"/> seconds, or null in idle time.</summary>
    public string? VariantAt(double time) =>
        Sets.FirstOrDefault(s => s.Labels.Start.TotalSeconds <= time && time < s.Labels.End.TotalSeconds)?.Variant;

    /// <summary>The labelled sets and the idle spans between them, in order; they tile [0, Duration].</summary>
    public IReadOnlyList<LabelledSpan> Spans()
    {
        var spans = new List<LabelledSpan>();
        double t = 0;
        foreach (var s in Labels.Sets)
        {
            if (s.Start.TotalSeconds > t) spans.Add(new LabelledSpan(t, s.Start.TotalSeconds, ExerciseCatalog.Idle));
            spans.Add(new LabelledSpan(s.Start.TotalSeconds, s.End.TotalSeconds, s.Exercise));
            t = s.End.TotalSeconds;
        }
        if (t < Duration) spans.Add(new LabelledSpan(t, Duration, ExerciseCatalog.Idle));
        return spans;
    }

    public BodyAngles AnglesAt(double time)
    {
        int lo = 0, hi = _pieces.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_pieces[mid].Start <= time) lo = mid; else hi = mid - 1;
        }
        var piece = _pieces[lo];
        return piece.Pose(Math.Clamp(time - piece.Start, 0, piece.Duration));
    }

    private void Add(double duration, Func<double, BodyAngles> pose)
    {
        _pieces.Add(new Piece(_end, duration, pose));
        _end += duration;
    }

    /// <summary>Eases through the waypoints, about a second each; where the feet must travel (after walking, to a walking lunge's start) it walks there.</summary>
    private void Transition(BodyAngles from, IReadOnlyList<BodyAngles> waypoints, Random rng)
    {
        foreach (var to in waypoints)
        {
            var a = from;
            double d = 0.6 + rng.NextDouble() * 0.6;
            double walk = WalkDistance(a, to);
            if (walk <= 0) Add(d, t => BodyAngles.Lerp(a, to, SmoothStep(t / d)));
            else
            {
                d = Math.Max(d, walk / WalkSpeed);
                Add(d, t => Stepping(BodyAngles.Lerp(a, to, SmoothStep(t / d)), t, d));
            }
            from = to;
        }
    }

    /// <summary>Walking pace between places, metres per second; a typical thigh length, metres, to turn lunge strides into distance.</summary>
    private const double WalkSpeed = 1.1, TypicalThigh = 0.42;

    /// <summary>How far the feet travel between two standing postures, metres; 0 when it is a short shuffle or either is not standing.</summary>
    private static double WalkDistance(in BodyAngles a, in BodyAngles b)
    {
        static bool Standing(in BodyAngles p) => p.Hang == 0 && p.HandSupport == 0 && p.ForearmSupport == 0;
        if (!Standing(a) || !Standing(b)) return 0;
        double dx = b.ShiftX - a.ShiftX, dz = b.ShiftZ - a.ShiftZ + (b.StrideZ - a.StrideZ) * TypicalThigh;
        double distance = Math.Sqrt(dx * dx + dz * dz);
        return distance > 0.35 ? distance : 0;
    }

    /// <summary>Walking steps laid over a transition that travels, fading in and out at its ends.</summary>
    private static BodyAngles Stepping(BodyAngles pose, double t, double duration)
    {
        double weight = Math.Clamp(2.5 * Math.Sin(Math.PI * Math.Clamp(t / duration, 0, 1)), 0, 1);
        double w = 2 * Math.PI * t / 1.1, s = Math.Sin(w) * weight, c = Math.Cos(w);
        return pose with
        {
            LeftLeg = pose.LeftLeg with { HipFlexion = pose.LeftLeg.HipFlexion + 25 * s, Knee = pose.LeftLeg.Knee + 30 * weight * Math.Max(0, c) },
            RightLeg = pose.RightLeg with { HipFlexion = pose.RightLeg.HipFlexion - 25 * s, Knee = pose.RightLeg.Knee + 30 * weight * Math.Max(0, -c) },
        };
    }

    private bool AddSet(SetSegment set, ExerciseMotion motion, Random rng)
    {
        double start = _end;
        if (motion.IsStaticHold)
        {
            double hold = set.HoldSeconds;
            if (start + hold > Duration - 0.5) return false;
            Add(hold, t => motion.At(t / motion.CycleSeconds % 1, set.Depth, 0));
            var held = new AnnotatedSet(Seconds(start), Seconds(start + hold), set.Exercise, 0, []);
            _sets.Add(held);
            _scripted.Add(new ScriptedSet(held, set));
            return true;
        }
        bool continuous = motion.CycleSeconds < 1.2; // running and jumping jacks flow without pauses
        // Pauses and partial reps come from the set's own stream, leaving the session's draws as they were.
        var style = new Random(set.Seed);
        var repStarts = new double[set.Reps];
        var repDurations = new double[set.Reps];
        var repHolds = new double[set.Reps];
        var repDepths = new double[set.Reps];
        double t = 0;
        for (int i = 0; i < set.Reps; i++)
        {
            if (i > 0 && !continuous) t += rng.NextDouble() * 0.3 / set.Tempo;
            if (i > 0 && set.PauseBetween > 0 && style.NextDouble() < 0.7) t += set.PauseBetween * (0.7 + 0.6 * style.NextDouble());
            repStarts[i] = t;
            repDurations[i] = motion.CycleSeconds / set.Tempo * (0.92 + rng.NextDouble() * 0.16);
            repDepths[i] = Math.Clamp(set.Depth * (0.93 + rng.NextDouble() * 0.14), 0.5, 1);
            if (set.PartialShare > 0 && style.NextDouble() < set.PartialShare) repDepths[i] = 0.4 + 0.3 * style.NextDouble();
            if (set.PauseAtExtreme > 0 && style.NextDouble() < 0.7) repHolds[i] = set.PauseAtExtreme * (0.7 + 0.6 * style.NextDouble());
            repDurations[i] += repHolds[i];
            t += repDurations[i];
        }
        if (start + t > Duration - 0.5) return false;
        Add(t, time =>
        {
            int i = Array.BinarySearch(repStarts, time);
            if (i < 0) i = ~i - 1;
            i = Math.Clamp(i, 0, set.Reps - 1);
            double into = time - repStarts[i];
            if (into >= repDurations[i]) return motion.After(i, repDepths[i]);
            // The moving part of the rep splits around the hold at its extreme.
            double moving = repDurations[i] - repHolds[i];
            double phase = into < moving / 2 ? into / moving : into < moving / 2 + repHolds[i] ? 0.5 : (into - repHolds[i]) / moving;
            return motion.At(Math.Max(0, phase), repDepths[i], i);
        });
        var repTimes = Enumerable.Range(0, set.Reps).Select(i => Seconds(start + repStarts[i] + repDurations[i] / 2)).ToList();
        var labels = new AnnotatedSet(Seconds(start), Seconds(start + t), set.Exercise, set.Reps, repTimes);
        _sets.Add(labels);
        _scripted.Add(new ScriptedSet(labels, set));
        return true;
    }

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);

    private static double SmoothStep(double x) { x = Math.Clamp(x, 0, 1); return x * x * (3 - 2 * x); }
}
