namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Pull-up from a dead hang: wide overhand grip, a chin-up with the hands at shoulder width, or
/// partial (band-assisted or tired) reps that stop short; the chin is highest mid-rep.
/// </summary>
public sealed class PullUpMotion(string variant = PullUpMotion.Wide) : KeyPoseMotion
{
    public const string Wide = "pull_up";
    public const string ChinUp = "chin_up";
    public const string Partial = "partial";

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
        LeftLeg = new LegAngles(15, 4, 55, 25), RightLeg = new LegAngles(15, 4, 55, 25),
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
                LeftLeg = new LegAngles(25, 4, 65, 25), RightLeg = new LegAngles(25, 4, 65, 25),
            };
        }
        var top = Start with
        {
            Pitch = -6, HeadPitch = -10,
            LeftArm = new ArmAngles(18, 58, 12, 212), RightArm = new ArmAngles(18, 58, 12, 212),
            LeftLeg = new LegAngles(25, 4, 65, 25), RightLeg = new LegAngles(25, 4, 65, 25),
        };
        return Variant == Partial ? BodyAngles.Lerp(Start, top, 0.55) : top;
    }
}
