using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Training;
using LiveWorkout.Synthetic;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// Training clips for a landmark model from the synthetic world, without rendering a pixel: each
/// session's exact joints every step, as the pose model's 33 landmarks seen through the session's
/// camera (<see cref="SyntheticLandmarks"/>), played at a tempo of its own, augmented, turned into
/// <see cref="LandmarkFeatures"/>, with each frame's label and rep phase.
/// In a share of the sessions the person stops now and then for 1-8 s in the working half of a
/// rep (around its extreme) and holds still: the frames keep the exercise's label, so a paused
/// rep or a held position reads as the exercise and not as idle. Between sets the person now and
/// then steps out of view, so an empty view reads as idle.
/// </summary>
public static class SyntheticLandmarkClips
{
    private static readonly (int Width, int Height)[] Sizes = [(640, 480), (640, 360), (360, 640), (480, 480)];

    /// <summary>How often a session with holds stops, per second of exercise.</summary>
    private const double HoldsPerSecond = 1 / 12.0;

    public static ClipEmbeddingSeries Make(int seed, IReadOnlyList<string> classes, SyntheticLandmarkOptions options) =>
        MakePoses(seed, options).ToSeries(classes);

    /// <summary>
    /// Session <paramref name="seed"/> as training series: the whole session, or in a share of the
    /// sessions (<see cref="SyntheticLandmarkOptions.ShortClipShare"/>) the session cut into short
    /// clips (<see cref="ShortClips"/>), each a series of its own.
    /// </summary>
    public static IReadOnlyList<ClipEmbeddingSeries> MakeSeries(int seed, IReadOnlyList<string> classes, SyntheticLandmarkOptions options)
    {
        var clip = MakePoses(seed, options);
        // The cuts draw from their own generator, so whole sessions stay as they were.
        var rng = new Random(unchecked(seed * 31 + 17));
        if (!(rng.NextDouble() < options.ShortClipShare)) return [clip.ToSeries(classes)];
        return [.. ShortClips.Cut(clip, options.StepSeconds, rng).Select(c => c.ToSeries(classes))];
    }

    /// <summary>Session <paramref name="seed"/> as landmarks (augmented unless the options say not), before they become features.</summary>
    public static PoseClip MakePoses(int seed, SyntheticLandmarkOptions options)
    {
        var rng = new Random(unchecked(seed * 31 + 7));
        var (width, height) = Sizes[rng.Next(Sizes.Length)];
        // Whether this session also draws the exercises learnt as idle comes from its own generator, so other sessions stay as they were.
        bool others = options.IdleExercises is { Count: > 0 } && new Random(unchecked(seed * 31 + 19)).NextDouble() < options.IdleExerciseShare;
        var vocabulary = others
            ? [.. (options.Exercises ?? ExerciseCatalog.Ten).Where(e => !ExerciseCatalog.IsIdle(e)), .. options.IdleExercises!, ExerciseCatalog.Idle]
            : options.Exercises;
        using var session = new SyntheticSession(seed, width, height, options.DurationSeconds, 30, vocabulary: vocabulary);
        var (times, sessionTimes) = Schedule(session, seed, rng, options);
        int steps = times.Length;
        var frames = new float[steps * PoseFrame.Length];
        for (int i = 0; i < steps; i++)
            SyntheticLandmarks.Write(session.PoseAt(FrameAt(session, sessionTimes[i])), session.Camera, frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length));
        var clip = Clip($"synthetic:{seed}", times, sessionTimes, frames, session);
        if (options.Augment)
        {
            var otherSide = new LandmarkAugmenter(rng).Apply(frames, options.StepSeconds);
            clip.TurnPhasesSeenFromTheOtherSide(i => otherSide[i]);
            LeaveView(frames, clip.Labels, new Random(unchecked(seed * 31 + 13)), options.StepSeconds);
        }
        if (others) clip.LabelIdle(options.IdleExercises!);
        return clip;
    }

    /// <summary>Share of idle stretches in which the person steps out of view for a while.</summary>
    private const double AwayShare = 0.3;

    /// <summary>
    /// Between sets the person now and then steps out of view (1-10 s, at least 1 s from either end
    /// of the idle stretch): the frames are empty and stay idle, so a view with nobody in it reads
    /// as idle. Inside a set only the augmenter's short losses occur, and the exercise goes on.
    /// </summary>
    private static void LeaveView(float[] frames, IReadOnlyList<string> labels, Random rng, double step)
    {
        int margin = (int)Math.Ceiling(1 / step);
        for (int start = 0; start < labels.Count;)
        {
            int end = start;
            while (end < labels.Count && labels[end] == labels[start]) end++;
            int room = end - start - 2 * margin;
            if (ExerciseCatalog.IsIdle(labels[start]) && room * step >= 1 && rng.NextDouble() < AwayShare)
            {
                int length = Math.Min(room, (int)Math.Round((1 + 9 * rng.NextDouble()) / step));
                int from = start + margin + rng.Next(room - length + 1);
                for (int i = from; i < from + length; i++)
                {
                    var frame = frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                    PoseFrame.SetEmpty(frame, PoseFrame.Width(frame), PoseFrame.Height(frame));
                }
            }
            start = end;
        }
    }

    /// <summary>
    /// When each kept frame is shown (<c>Times</c>, from 0 every step) and which moment of the
    /// session it shows (<c>SessionTimes</c>): the session played at a tempo drawn from
    /// <paramref name="rng"/>, with the holds of <see cref="SyntheticLandmarkOptions.HoldShare"/>.
    /// </summary>
    public static (double[] Times, double[] SessionTimes) Schedule(SyntheticSession session, int seed, Random rng, SyntheticLandmarkOptions options)
    {
        double tempo = Math.Exp(Math.Log(options.MinTempo) + rng.NextDouble() * (Math.Log(options.MaxTempo) - Math.Log(options.MinTempo)));
        int steps = (int)Math.Floor(options.DurationSeconds / tempo / options.StepSeconds);
        var times = new double[steps];
        var sessionTimes = new double[steps];
        // Holds draw from their own generator, so sessions without them stay as they were.
        var holdRng = new Random(unchecked(seed * 31 + 11));
        bool holds = holdRng.NextDouble() < options.HoldShare;
        double cursor = 0;
        int holdLeft = 0;
        for (int i = 0; i < steps; i++)
        {
            times[i] = i * options.StepSeconds;
            if (holdLeft > 0) holdLeft--;
            else
            {
                if (i > 0) cursor += options.StepSeconds * tempo;
                if (holds && holdRng.NextDouble() < HoldsPerSecond * options.StepSeconds && CanHold(session.Labels, cursor))
                    holdLeft = (int)Math.Round((1 + 7 * holdRng.NextDouble()) / options.StepSeconds);
            }
            sessionTimes[i] = Math.Min(cursor, session.Timeline.Duration);
        }
        return (times, sessionTimes);
    }

    /// <summary>The session's frame nearest <paramref name="sessionTime"/>.</summary>
    public static int FrameAt(SyntheticSession session, double sessionTime) =>
        Math.Min((int)Math.Round(sessionTime * session.Fps), session.FrameCount - 1);

    /// <summary>
    /// <paramref name="frames"/> (<see cref="PoseFrame"/>s at <paramref name="times"/>, showing
    /// <paramref name="session"/> at <paramref name="sessionTimes"/>) with each frame's label and
    /// rep phase. Through a mirrored camera the landmarks name the body's other side
    /// (<see cref="SyntheticLandmarks"/>, and the pose model on its renders), so the phase follows that side.
    /// </summary>
    public static PoseClip Clip(string clip, double[] times, double[] sessionTimes, float[] frames, SyntheticSession session)
    {
        var annotation = session.Labels;
        var poses = new PoseClip(clip, times, frames, [.. sessionTimes.Select(t => annotation.LabelAt(TimeSpan.FromSeconds(t)))], ClipEmbeddings.PhaseTargetsAt(sessionTimes, annotation));
        if (session.Camera.Mirror) poses.TurnPhasesSeenFromTheOtherSide(_ => true);
        return poses;
    }

    /// <summary>The training series of <paramref name="frames"/> with their labels (exercise names) and phase targets.</summary>
    public static ClipEmbeddingSeries Series(string clip, double[] times, float[] frames, IReadOnlyList<string> labels, float[]? phases, IReadOnlyList<string> classes)
    {
        int steps = times.Length;
        var features = new float[steps * LandmarkFeatures.Size];
        for (int i = 0; i < steps; i++)
            LandmarkFeatures.Compute(frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length), features.AsSpan(i * LandmarkFeatures.Size, LandmarkFeatures.Size));

        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var classOf = new int[steps];
        for (int i = 0; i < steps; i++)
        {
            if (!index.TryGetValue(labels[i], out classOf[i]))
                throw new InvalidInputException($"{clip} has '{labels[i]}', which the model's classes ({string.Join(", ", classes)}) lack");
        }
        // No frame-level classifier precedes the head: nothing to compare it with (-1 matches no class).
        return new ClipEmbeddingSeries(clip, times, classOf, Enumerable.Repeat(-1, steps).ToArray(), features, LandmarkFeatures.Size, phases);
    }

    /// <summary>Whether the person may stop at <paramref name="sessionTime"/>: inside a set, near a rep's extreme, or anywhere in a set without reps (a plank).</summary>
    private static bool CanHold(ClipAnnotation labels, double sessionTime)
    {
        var time = TimeSpan.FromSeconds(sessionTime);
        var set = labels.SetAt(time);
        if (set is null) return false;
        if (set.RepTimes.Count == 0) return true;
        return set.RepPhaseAt(time) is { } phase && Math.Abs(phase) <= Math.PI / 2;
    }
}
