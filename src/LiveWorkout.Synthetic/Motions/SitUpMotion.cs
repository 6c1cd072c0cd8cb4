namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Sit-up from lying on the back, knees bent, arms crossed on the chest or hands behind the head
/// (elbows out, as most demonstrations do it), or a crunch that only curls the shoulders off the
/// floor with the hands reaching to the knees; the trunk is most upright mid-rep.
/// </summary>
public sealed class SitUpMotion(string variant = SitUpMotion.FullSitUp) : KeyPoseMotion
{
    public const string FullSitUp = "sit_up";
    public const string Crunch = "crunch";
    public const string HandsBehindHead = "hands_behind_head";

    private static readonly ArmAngles Crossed = new(35, -10, 105, -70);
    private static readonly ArmAngles AlongBody = new(10, 12, 10, 12);

    public override string Exercise => "sit_up";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.4;

    // Hip flexion = wanted thigh angle in the world (135°) + pitch, so blending keeps the knees still.
    public override BodyAngles Start => BodyAngles.Standing with
    {
        Pitch = -86, HeadPitch = 15,
        LeftArm = Arms, RightArm = Arms,
        LeftLeg = new LegAngles(135 - 86, 6, 100, 35), RightLeg = new LegAngles(135 - 86, 6, 100, 35),
    };

    private ArmAngles Arms => Variant switch { Crunch => AlongBody, HandsBehindHead => ArmAngles.BehindHead, _ => Crossed };

    public override IReadOnlyList<BodyAngles> EntryPath => [FloorPostures.Crouch, FloorPostures.Seated];

    protected override BodyAngles Extreme(int rep) => Variant == Crunch
        ? Start with
        {
            Pitch = -72, SpineCurl = 24, HeadPitch = 22,
            LeftArm = new ArmAngles(40, 10, 40, 10), RightArm = new ArmAngles(40, 10, 40, 10),
            LeftLeg = new LegAngles(135 - 72, 6, 100, 35), RightLeg = new LegAngles(135 - 72, 6, 100, 35),
        }
        : Start with
        {
            Pitch = -12, SpineCurl = 22, HeadPitch = 10,
            LeftLeg = new LegAngles(135 - 12, 6, 100, 35), RightLeg = new LegAngles(135 - 12, 6, 100, 35),
        };
}
