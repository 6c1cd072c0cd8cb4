namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Hip thrust: the upper back against a bench, feet planted, a barbell across the hips (or hands
/// on the hips): the hips rise until the trunk and thighs are level (mid-rep) and sink back.
/// </summary>
public sealed class HipThrustMotion(string variant = HipThrustMotion.Barbell) : KeyPoseMotion
{
    public const string Barbell = "barbell";
    public const string Bodyweight = "bodyweight";

    public override string Exercise => "hip_thrust";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.4;

    private ArmAngles Arms => Variant == Barbell ? new ArmAngles(18, 28, 55, 20) : new ArmAngles(10, 45, 10, -20);

    /// <summary>Hips low, trunk sloping up to the bench, thighs rising to the knees (thigh in the world = hip flexion - pitch).</summary>
    public override BodyAngles Start => Pose(pitch: -66, thigh: 128, shin: -8) with { Held = Variant == Barbell ? HeldProp.Barbell : HeldProp.None, HeadPitch = 20 };

    private BodyAngles Pose(double pitch, double thigh, double shin)
    {
        var leg = new LegAngles(thigh + pitch, 14, thigh - shin, -shin);
        return BodyAngles.Standing.WithArms(Arms) with { Pitch = pitch, LeftLeg = leg, RightLeg = leg };
    }

    /// <summary>Sit on the floor in front of the bench, then lean back onto it.</summary>
    public override IReadOnlyList<BodyAngles> EntryPath => [FloorPostures.Crouch, FloorPostures.Seated with { Held = Start.Held }];

    protected override BodyAngles Extreme(int rep) => Pose(pitch: -90, thigh: 92, shin: 2) with { Held = Start.Held, HeadPitch = 35 };
}
