using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Training;
using LiveWorkout.Synthetic;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>Settings of <see cref="SyntheticLandmarkClips"/>.</summary>
/// <param name="Sessions">Synthetic sessions, one clip each.</param>
/// <param name="Seed">Seed of the first session; session k uses Seed + k.</param>
/// <param name="DurationSeconds">Length of each session at its own tempo.</param>
/// <param name="StepSeconds">Time between the frames kept (the sequence model's step).</param>
/// <param name="Augment">Make the exact joints look like a pose model's output (<see cref="LandmarkAugmenter"/>).</param>
/// <param name="MinTempo">Slowest playback of a session (0.5 = everything twice as slow); each clip draws its own between this and <paramref name="MaxTempo"/>.</param>
public sealed record SyntheticLandmarkOptions(int Sessions, int Seed, double DurationSeconds = 75, double StepSeconds = 0.1, bool Augment = true,
    double MinTempo = 0.45, double MaxTempo = 1.25);

/// <summary>
/// Training clips for a landmark model from the synthetic world, without rendering a pixel: each
/// session's exact joints every step, as the pose model's 33 landmarks seen through the session's
/// camera (<see cref="SyntheticLandmarks"/>), played at a tempo of its own, augmented, turned into
/// <see cref="LandmarkFeatures"/>, with each frame's label and rep phase.
/// </summary>
public static class SyntheticLandmarkClips
{
    private static readonly (int Width, int Height)[] Sizes = [(640, 480), (640, 360), (360, 640), (480, 480)];

    public static ClipEmbeddingSeries Make(int seed, IReadOnlyList<string> classes, SyntheticLandmarkOptions options)
    {
        var rng = new Random(unchecked(seed * 31 + 7));
        var (width, height) = Sizes[rng.Next(Sizes.Length)];
        double tempo = Math.Exp(Math.Log(options.MinTempo) + rng.NextDouble() * (Math.Log(options.MaxTempo) - Math.Log(options.MinTempo)));
        using var session = new SyntheticSession(seed, width, height, options.DurationSeconds, 30);
        int steps = (int)Math.Floor(options.DurationSeconds / tempo / options.StepSeconds);
        var frames = new float[steps * PoseFrame.Length];
        var times = new double[steps];
        var sessionTimes = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            times[i] = i * options.StepSeconds;
            sessionTimes[i] = Math.Min(times[i] * tempo, session.Timeline.Duration);
            int frame = Math.Min((int)Math.Round(sessionTimes[i] * session.Fps), session.FrameCount - 1);
            SyntheticLandmarks.Write(session.PoseAt(frame), session.Camera, frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length));
        }
        if (options.Augment) new LandmarkAugmenter(rng).Apply(frames, options.StepSeconds);

        var features = new float[steps * LandmarkFeatures.Size];
        for (int i = 0; i < steps; i++)
            LandmarkFeatures.Compute(frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length), features.AsSpan(i * LandmarkFeatures.Size, LandmarkFeatures.Size));

        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var labels = new int[steps];
        for (int i = 0; i < steps; i++)
        {
            string label = session.Labels.LabelAt(TimeSpan.FromSeconds(sessionTimes[i]));
            if (!index.TryGetValue(label, out labels[i]))
                throw new LiveWorkoutException($"synthetic session {seed} has '{label}', which the model's classes ({string.Join(", ", classes)}) lack", 2);
        }
        var phases = ClipEmbeddings.PhaseTargetsAt(sessionTimes, session.Labels);
        // No frame-level classifier precedes the head: nothing to compare it with (-1 matches no class).
        return new ClipEmbeddingSeries($"synthetic:{seed}", times, labels, Enumerable.Repeat(-1, steps).ToArray(), features, LandmarkFeatures.Size, phases);
    }
}
