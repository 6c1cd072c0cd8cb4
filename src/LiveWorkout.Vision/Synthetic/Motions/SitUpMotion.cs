namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>Sit-up from lying on the back, knees bent, arms crossed on the chest; the trunk is most upright mid-rep.</summary>
public sealed class SitUpMotion : KeyPoseMotion
{
    public override string Exercise => "sit_up";
    public override double CycleSeconds => 2.4;

    private static readonly ArmAngles Crossed = new(35, -10, 105, -70);

    // Hip flexion = wanted thigh angle in the world (135°) + pitch, so blending keeps the knees still.
    public override BodyAngles Start => BodyAngles.Standing with
    {
        Pitch = -86, HeadPitch = 15,
        LeftArm = Crossed, RightArm = Crossed,
        LeftLeg = new LegAngles(135 - 86, 6, 100, 35), RightLeg = new LegAngles(135 - 86, 6, 100, 35),
    };

    public override IReadOnlyList<BodyAngles> EntryPath => [FloorPostures.Crouch, FloorPostures.Seated];

    protected override BodyAngles Extreme(int rep) => Start with
    {
        Pitch = -12, SpineCurl = 22, HeadPitch = 10,
        LeftLeg = new LegAngles(135 - 12, 6, 100, 35), RightLeg = new LegAngles(135 - 12, 6, 100, 35),
    };
}
