using LiveWorkout.Core;

namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>
/// The movement of one exercise as a repeating cycle. Phase runs 0..1 over one rep and the rep's
/// extreme (squat: hips lowest, push-up: chest lowest, pull-up: chin highest) is at phase 0.5 by
/// construction, so a rep's time is the middle of its cycle. Depth (0..1) scales range of motion.
/// </summary>
public abstract class ExerciseMotion
{
    public abstract string Exercise { get; }

    /// <summary>Seconds per rep at tempo 1.</summary>
    public abstract double CycleSeconds { get; }

    /// <summary>The posture held before the first rep and between reps.</summary>
    public abstract BodyAngles Start { get; }

    /// <summary>Postures passed through when getting into position from standing (reversed to get up).</summary>
    public virtual IReadOnlyList<BodyAngles> EntryPath => [];

    /// <summary>A hold without reps (plank): the cycle is breathing.</summary>
    public virtual bool IsStaticHold => false;

    /// <summary>Needs a pull-up bar in the scene.</summary>
    public virtual bool UsesBar => false;

    /// <summary>The posture at a phase of rep number <paramref name="rep"/> (reps may alternate sides).</summary>
    public abstract BodyAngles At(double phase, double depth, int rep);

    /// <summary>0 at phase 0 and 1, 1 at phase 0.5: the shape of a there-and-back rep.</summary>
    public static double Profile(double phase) => 0.5 - 0.5 * Math.Cos(2 * Math.PI * phase);

    public static ExerciseMotion For(string exercise) => exercise switch
    {
        "squat" => new SquatMotion(),
        "push_up" => new PushUpMotion(),
        "pull_up" => new PullUpMotion(),
        "running" => new RunningMotion(),
        "jumping_jack" => new JumpingJackMotion(),
        "lunge" => new LungeMotion(),
        "plank" => new PlankMotion(),
        "sit_up" => new SitUpMotion(),
        "bicep_curl" => new BicepCurlMotion(),
        "shoulder_press" => new ShoulderPressMotion(),
        ExerciseCatalog.Idle => new IdleMotion(IdleActivity.Standing),
        _ => throw new LiveWorkoutException($"the synthetic world has no exercise '{exercise}'; known: {string.Join(", ", ExerciseCatalog.All)}", 2),
    };
}

/// <summary>A rep that goes from the start posture to an extreme posture and back.</summary>
public abstract class KeyPoseMotion : ExerciseMotion
{
    /// <summary>The posture at the bottom (or top) of rep <paramref name="rep"/>.</summary>
    protected abstract BodyAngles Extreme(int rep);

    public override BodyAngles At(double phase, double depth, int rep) =>
        BodyAngles.Lerp(Start, Extreme(rep), depth * Profile(phase));
}
