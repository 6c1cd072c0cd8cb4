namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Pull-up from a dead hang: wide overhand grip, a chin-up with the hands at shoulder width,
/// partial (tired) reps that stop short, or assisted, kneeling on a machine's pad or in a band with
/// the shins back; the chin is highest mid-rep. Hanging, the legs are together: straight on a wide
/// grip, knees bent on a chin-up.
/// </summary>
public sealed class PullUpMotion(string variant = PullUpMotion.Wide) : KeyPoseMotion
{
    public const string Wide = "pull_up";
    public const string ChinUp = "chin_up";
    public const string Partial = "partial";
    public const string Assisted = "assisted";

    private static readonly ArmAngles Overhead = new(8, 165, 8, 168);
    private static readonly ArmAngles Narrow = new(170, 10, 176, 8);

    public override string Exercise => "pull_up";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.4;
    public override bool UsesBar => true;

    private ArmAngles Grip => Variant == ChinUp ? Narrow : Overhead;

    public override BodyAngles Start => BodyAngles.Standing with
    {
        Hang = 1, HeadPitch = -5,
        LeftArm = Grip, RightArm = Grip,
        LeftLeg = Legs(top: false), RightLeg = Legs(top: false),
    };

    /// <summary>Thighs straight down, shins back: kneeling on an assisted-pull-up pad or in a band.</summary>
    private static readonly LegAngles Kneeling = new(2, 4, 92, 20);

    /// <summary>Legs drawn in this far (degrees) while hanging: the feet together below the hips.</summary>
    private const double Together = -3;

    /// <summary>
    /// Kneeling when assisted; otherwise the legs hang together, straight (a little forward at the
    /// top) on a wide grip, knees bent on a chin-up.
    /// </summary>
    private LegAngles Legs(bool top) => Variant switch
    {
        Assisted => Kneeling,
        ChinUp => top ? new LegAngles(25, Together, 65, 25) : new LegAngles(15, Together, 55, 25),
        _ => top ? new LegAngles(14, Together, 12, 25) : new LegAngles(4, Together, 6, 20),
    };

    /// <summary>Reach up to the bar while still standing, then hang.</summary>
    public override IReadOnlyList<BodyAngles> EntryPath => [BodyAngles.Standing.WithArms(Grip) with { HeadPitch = -15 }];

    protected override BodyAngles Extreme(int rep)
    {
        if (Variant == ChinUp)
        {
            return Start with
            {
                Pitch = -4, HeadPitch = -12,
                LeftArm = new ArmAngles(35, 5, 180, 15), RightArm = new ArmAngles(35, 5, 180, 15),
                LeftLeg = Legs(top: true), RightLeg = Legs(top: true),
            };
        }
        var legs = Legs(top: true);
        var top = Start with
        {
            Pitch = -6, HeadPitch = -10,
            LeftArm = new ArmAngles(18, 58, 12, 212), RightArm = new ArmAngles(18, 58, 12, 212),
            LeftLeg = legs, RightLeg = legs,
        };
        return Variant == Partial ? BodyAngles.Lerp(Start, top, 0.55) : top;
    }
}
