namespace LiveWorkout.Synthetic.Motions;

/// <summary>A rep that goes from the start posture to an extreme posture and back.</summary>
public abstract class KeyPoseMotion : ExerciseMotion
{
    /// <summary>The posture at the bottom (or top) of rep <paramref name="rep"/>.</summary>
    protected abstract BodyAngles Extreme(int rep);

    public override BodyAngles At(double phase, double depth, int rep) =>
        BodyAngles.Lerp(Start, Extreme(rep), depth * Profile(phase));
}
