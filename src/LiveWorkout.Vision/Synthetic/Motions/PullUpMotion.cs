namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>Pull-up from a dead hang, wide grip; the chin is highest mid-rep.</summary>
public sealed class PullUpMotion : KeyPoseMotion
{
    public override string Exercise => "pull_up";
    public override double CycleSeconds => 2.4;
    public override bool UsesBar => true;

    private static readonly ArmAngles Overhead = new(8, 165, 8, 168);

    public override BodyAngles Start => BodyAngles.Standing with
    {
        Hang = 1, HeadPitch = -5,
        LeftArm = Overhead, RightArm = Overhead,
        LeftLeg = new LegAngles(15, 4, 55, 25), RightLeg = new LegAngles(15, 4, 55, 25),
    };

    /// <summary>Reach up to the bar while still standing, then hang.</summary>
    public override IReadOnlyList<BodyAngles> EntryPath => [BodyAngles.Standing.WithArms(Overhead) with { HeadPitch = -15 }];

    protected override BodyAngles Extreme(int rep) => Start with
    {
        Pitch = -6, HeadPitch = -10,
        LeftArm = new ArmAngles(18, 58, 12, 212), RightArm = new ArmAngles(18, 58, 12, 212),
        LeftLeg = new LegAngles(25, 4, 65, 25), RightLeg = new LegAngles(25, 4, 65, 25),
    };
}
