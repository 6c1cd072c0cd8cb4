namespace LiveWorkout.Synthetic.Motions;

/// <summary>Jumping jack: a hop out to legs apart and arms overhead (mid-rep), a hop back.</summary>
public sealed class JumpingJackMotion : KeyPoseMotion
{
    public override string Exercise => "jumping_jack";
    public override double CycleSeconds => 1.1;

    public override BodyAngles Start => BodyAngles.Standing.WithArms(new ArmAngles(0, 10, 0, 10));

    protected override BodyAngles Extreme(int rep) => Start with
    {
        HeadPitch = -5,
        LeftArm = new ArmAngles(5, 160, 5, 172), RightArm = new ArmAngles(5, 160, 5, 172),
        LeftLeg = new LegAngles(0, 18, 8, 10), RightLeg = new LegAngles(0, 18, 8, 10),
    };

    public override BodyAngles At(double phase, double depth, int rep) =>
        base.At(phase, depth, rep) with { Lift = 0.09 * depth * Math.Abs(Math.Sin(2 * Math.PI * phase)) };
}
