namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>Standing dumbbell curl, both arms; the dumbbells are highest mid-rep.</summary>
public sealed class BicepCurlMotion : KeyPoseMotion
{
    public override string Exercise => "bicep_curl";
    public override double CycleSeconds => 2.3;

    public override BodyAngles Start => BodyAngles.Standing.WithArms(new ArmAngles(5, 10, 12, 8)) with { Held = HeldProp.Dumbbells };

    protected override BodyAngles Extreme(int rep) => Start.WithArms(new ArmAngles(18, 10, 150, 4)) with { HeadPitch = 5 };
}
