using LiveWorkout.Core;
using LiveWorkout.Vision.Synthetic.Motions;

namespace LiveWorkout.Vision.Synthetic;

/// <summary>One step of a workout session script.</summary>
public abstract record ScriptSegment;

/// <summary>Time between sets doing something that is not an exercise.</summary>
public sealed record IdleSegment(IdleActivity Activity, double Seconds) : ScriptSegment;

/// <summary>A set: reps at a tempo (1 = the motion's usual speed) and depth (range of motion, 0..1); a static hold lasts <see cref="HoldSeconds"/> instead.</summary>
public sealed record SetSegment(string Exercise, int Reps, double Tempo, double Depth, double HoldSeconds = 0) : ScriptSegment;

/// <summary>
/// A workout session as a sequence of sets and idle time; two sets in a row are a direct switch
/// (only the transition between them). <see cref="SessionTimeline"/> turns it into postures and labels.
/// </summary>
public sealed class SessionScript(IReadOnlyList<ScriptSegment> segments, double durationSeconds)
{
    public IReadOnlyList<ScriptSegment> Segments { get; } = segments;
    public double DurationSeconds { get; } = durationSeconds;

    /// <summary>A plausible random session: a warm-up idle, then sets of different exercises with rests, sometimes switching directly.</summary>
    public static SessionScript Random(Random rng, double durationSeconds)
    {
        var exercises = ExerciseCatalog.All.Where(e => !ExerciseCatalog.IsIdle(e)).ToList();
        var segments = new List<ScriptSegment> { new IdleSegment(IdleActivity.Standing, 1.5 + rng.NextDouble() * 2.5) };
        double planned = segments.Count * 3;
        string? previous = null;
        while (planned < durationSeconds * 1.5)
        {
            string exercise;
            do exercise = exercises[rng.Next(exercises.Count)]; while (exercise == previous);
            previous = exercise;
            var motion = ExerciseMotion.For(exercise);
            double tempo = 0.8 + rng.NextDouble() * 0.45;
            double depth = 0.8 + rng.NextDouble() * 0.2;
            if (motion.IsStaticHold)
            {
                double hold = 8 + rng.NextDouble() * 17;
                segments.Add(new SetSegment(exercise, 0, 1, 1, hold));
                planned += hold + 4;
            }
            else
            {
                int reps = motion.CycleSeconds < 1.2 ? 8 + rng.Next(14) : 4 + rng.Next(8);
                segments.Add(new SetSegment(exercise, reps, tempo, depth));
                planned += reps * motion.CycleSeconds / tempo + 4;
            }
            if (rng.NextDouble() < 0.25) continue; // direct switch to the next exercise
            var activity = IdleMotion.Activities[rng.Next(IdleMotion.Activities.Count)];
            double rest = 3 + rng.NextDouble() * 9;
            segments.Add(new IdleSegment(activity, rest));
            planned += rest + 1;
        }
        return new SessionScript(segments, durationSeconds);
    }
}
