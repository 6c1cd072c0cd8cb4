using LiveWorkout.Core;

namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// The movement of one exercise as a repeating cycle. Phase runs 0..1 over one rep and the rep's
/// extreme (squat: hips lowest, push-up: chest lowest, pull-up: chin highest) is at phase 0.5 by
/// construction, so a rep's time is the middle of its cycle. Depth (0..1) scales range of motion.
/// </summary>
public abstract class ExerciseMotion
{
    public abstract string Exercise { get; }

    /// <summary>How the exercise is done (loaded, seated, a grip), one of <see cref="MotionVariants.Of"/>; trainers report accuracy per variant.</summary>
    public virtual string Variant => MotionVariants.Standard;

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

    /// <summary>Done on the floor: the scene gets a mat more often.</summary>
    public bool IsOnFloor => Exercise is "push_up" or "plank" or "sit_up" or "leg_raise" or "russian_twist" or "mountain_climber" or "burpee";

    /// <summary>The posture at a phase of rep number <paramref name="rep"/> (reps may alternate sides).</summary>
    public abstract BodyAngles At(double phase, double depth, int rep);

    /// <summary>The posture after rep <paramref name="rep"/> ends, held until the next starts: the start posture unless the motion travels.</summary>
    public virtual BodyAngles After(int rep, double depth) => Start;

    /// <summary>0 at phase 0 and 1, 1 at phase 0.5: the shape of a there-and-back rep.</summary>
    public static double Profile(double phase) => 0.5 - 0.5 * Math.Cos(2 * Math.PI * phase);

    /// <summary>The motion of an exercise done as <paramref name="variant"/> (empty: the standard one) in a set of <paramref name="reps"/> reps (walking lunges centre their path on it).</summary>
    public static ExerciseMotion For(string exercise, string variant = "", int reps = 0)
    {
        string v = variant.Length > 0 ? MotionVariants.Check(exercise, variant) : MotionVariants.Of(exercise)[0];
        return exercise switch
        {
            "squat" => new SquatMotion(v),
            "push_up" => new PushUpMotion(v),
            "pull_up" => new PullUpMotion(v),
            "running" => new RunningMotion(),
            "jumping_jack" => new JumpingJackMotion(),
            "lunge" => new LungeMotion(v, reps),
            "plank" => new PlankMotion(v),
            "sit_up" => new SitUpMotion(v),
            "bicep_curl" => new BicepCurlMotion(v),
            "shoulder_press" => new ShoulderPressMotion(v),
            BenchPressMotion.Flat or BenchPressMotion.InclineBench or BenchPressMotion.DeclineBench => new BenchPressMotion(exercise, v),
            "chest_fly" => new ChestFlyMotion(),
            DeadliftMotion.Deadlift or DeadliftMotion.Romanian => new DeadliftMotion(exercise, v),
            "hip_thrust" => new HipThrustMotion(v),
            "lat_pulldown" => new LatPulldownMotion(v),
            "lateral_raise" => new LateralRaiseMotion(v),
            "leg_extension" => new LegExtensionMotion(),
            "leg_raise" => new LegRaiseMotion(v),
            "russian_twist" => new RussianTwistMotion(v),
            "t_bar_row" => new TBarRowMotion(),
            "tricep_dip" => new TricepDipMotion(v),
            "tricep_pushdown" => new TricepPushdownMotion(v),
            "mountain_climber" => new MountainClimberMotion(),
            "burpee" => new BurpeeMotion(v),
            ExerciseCatalog.Idle => new IdleMotion(IdleActivity.Standing),
            _ => throw new InvalidInputException($"the synthetic world has no exercise '{exercise}'; known: {string.Join(", ", ExerciseCatalog.All)}"),
        };
    }
}
