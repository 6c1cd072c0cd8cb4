namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>Bodyweight squat, arms reaching forward for balance; the hips are lowest mid-rep.</summary>
public sealed class SquatMotion : KeyPoseMotion
{
    public override string Exercise => "squat";
    public override double CycleSeconds => 2.2;

    public override BodyAngles Start => BodyAngles.Standing
        .WithLegs(new LegAngles(0, 12, 3, 0))
        .WithArms(new ArmAngles(20, 10, 35, 10));

    // Trunk 38° forward; thighs just past horizontal (world flexion = hip flexion - pitch); feet stay flat.
    protected override BodyAngles Extreme(int rep) => Start with
    {
        Pitch = 38, HeadPitch = -25,
        LeftLeg = new LegAngles(128, 16, 118, -28), RightLeg = new LegAngles(128, 16, 118, -28),
        LeftArm = new ArmAngles(125, 12, 128, 12), RightArm = new ArmAngles(125, 12, 128, 12),
    };
}
