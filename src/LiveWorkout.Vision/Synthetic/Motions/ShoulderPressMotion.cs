namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>Standing dumbbell shoulder press; the dumbbells are highest (arms straight overhead) mid-rep.</summary>
public sealed class ShoulderPressMotion : KeyPoseMotion
{
    public override string Exercise => "shoulder_press";
    public override double CycleSeconds => 2.3;

    public override BodyAngles Start => BodyAngles.Standing.WithArms(new ArmAngles(15, 82, 8, 176)) with { Held = HeldProp.Dumbbells };

    public override IReadOnlyList<BodyAngles> EntryPath => [BodyAngles.Standing.WithArms(new ArmAngles(5, 10, 12, 8)) with { Held = HeldProp.Dumbbells }];

    protected override BodyAngles Extreme(int rep) => Start.WithArms(new ArmAngles(8, 166, 5, 174)) with { HeadPitch = -5 };
}
