using LiveWorkout.Core;
using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic;

/// <summary>
/// A workout session as a sequence of sets and idle time; two sets in a row are a direct switch
/// (only the transition between them). <see cref="ScriptTimeline"/> turns it into postures and labels.
/// </summary>
public sealed class SessionScript(IReadOnlyList<ScriptSegment> segments, double durationSeconds)
{
    public IReadOnlyList<ScriptSegment> Segments { get; } = segments;
    public double DurationSeconds { get; } = durationSeconds;

    /// <summary>
    /// A plausible random session: a warm-up idle, then sets of different exercises with rests,
    /// sometimes switching directly. <paramref name="rng"/> draws the exercises, reps and rests;
    /// <paramref name="variety"/> draws how each set is done (variant, slow tempo, pauses, partial
    /// reps), so a seed's order of exercises does not depend on the variants the world knows.
    /// Sets are of the exercises of <paramref name="vocabulary"/> (<see cref="ExerciseCatalog.Ten"/> by default).
    /// </summary>
    public static SessionScript Random(Random rng, double durationSeconds, Random variety, IReadOnlyList<string>? vocabulary = null)
    {
        var exercises = (vocabulary ?? ExerciseCatalog.Ten).Where(e => !ExerciseCatalog.IsIdle(e)).ToList();
        var segments = new List<ScriptSegment> { new IdleSegment(IdleActivity.Standing, 1.5 + rng.NextDouble() * 2.5) };
        double planned = segments.Count * 3;
        string? previous = null;
        while (planned < durationSeconds * 1.5)
        {
            string exercise;
            // Two sets in a row are of different exercises, unless the vocabulary has only one.
            do exercise = exercises[rng.Next(exercises.Count)]; while (exercise == previous && exercises.Count > 1);
            previous = exercise;
            string variant = MotionVariants.Pick(exercise, variety);
            var motion = ExerciseMotion.For(exercise, variant);
            double tempo = 0.8 + rng.NextDouble() * 0.45;
            double depth = 0.8 + rng.NextDouble() * 0.2;
            if (motion.IsStaticHold)
            {
                double hold = 8 + rng.NextDouble() * 17;
                segments.Add(new SetSegment(exercise, 0, 1, 1, hold, variant));
                planned += hold + 4;
            }
            else
            {
                int reps = motion.CycleSeconds < 1.2 ? 8 + rng.Next(14) : 4 + rng.Next(8);
                var set = Styled(new SetSegment(exercise, reps, tempo, depth, Variant: variant), motion, variety);
                segments.Add(set);
                planned += set.Reps * (motion.CycleSeconds / set.Tempo + set.PauseAtExtreme + set.PauseBetween) + 4;
            }
            if (rng.NextDouble() < 0.25) continue; // direct switch to the next exercise
            var activity = IdleMotion.Activities[rng.Next(IdleMotion.Activities.Count)];
            double rest = 3 + rng.NextDouble() * 9;
            segments.Add(new IdleSegment(activity, rest));
            planned += rest + 1;
        }
        return new SessionScript(segments, durationSeconds);
    }

    /// <summary>
    /// How a set of reps is done beyond its variant: real demonstrations are often 2-7 times slower
    /// (fewer reps then), some pause at the bottom or top, some cut reps short. Continuous motions
    /// (running, jumping jacks) keep their rhythm.
    /// </summary>
    private static SetSegment Styled(SetSegment set, ExerciseMotion motion, Random variety)
    {
        int seed = variety.Next();
        if (motion.CycleSeconds < 1.2) return set with { Seed = seed };
        bool slowly = set.Exercise is "squat" or "push_up" or "sit_up" ? variety.NextDouble() < 0.35 : variety.NextDouble() < 0.22;
        double slow = 0.3 + variety.NextDouble() * 0.3;
        bool box = set.Variant == SquatMotion.BoxSquat;
        double pauseChance = set.Exercise == "pull_up" || box ? 0.4 : 0.18;
        double atExtreme = variety.NextDouble() < pauseChance ? (box ? 0.3 : 0.5) + variety.NextDouble() * 1.2 : 0;
        double between = variety.NextDouble() < 0.15 ? 0.5 + variety.NextDouble() * 1.5 : 0;
        double partial = variety.NextDouble() < 0.2 ? 0.2 + variety.NextDouble() * 0.4 : 0;
        // Walking lunges cover about 0.85 m a rep: four keep the walk inside a room the camera can frame.
        int reps = set.Exercise == "lunge" && LungeMotion.IsWalking(set.Variant) ? Math.Min(set.Reps, 4) : set.Reps;
        if (slowly) reps = Math.Max(2, (int)Math.Round(reps * (slow + 0.25)));
        return set with
        {
            Reps = reps, Tempo = slowly ? set.Tempo * slow : set.Tempo,
            PauseAtExtreme = atExtreme, PauseBetween = between, PartialShare = partial, Seed = seed,
        };
    }
}
