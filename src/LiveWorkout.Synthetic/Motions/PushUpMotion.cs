namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Push-up on the hands and toes, on the knees, or inclined with the hands on a bench (trunk about
/// 40 degrees from the floor); the chest is lowest mid-rep.
/// </summary>
public sealed class PushUpMotion(string variant = PushUpMotion.Floor) : KeyPoseMotion
{
    public const string Floor = "floor";
    public const string Incline = "incline";
    public const string Knees = "knees";

    /// <summary>Height of the bench the hands rest on in an incline push-up, metres.</summary>
    public const double BenchHeight = 0.45;

    public override string Exercise => "push_up";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 1.8;

    public override BodyAngles Start => Variant switch
    {
        Incline => Plank with { HandRestHeight = BenchHeight, HeadPitch = -15 },
        Knees => Plank with { LeftLeg = new LegAngles(12, 5, 100, 30), RightLeg = new LegAngles(12, 5, 100, 30) },
        _ => Plank,
    };

    private static BodyAngles Plank => BodyAngles.Standing with
    {
        Pitch = 72, HeadPitch = -30, HandSupport = 1, SupportHeight = 0.97,
        LeftLeg = new LegAngles(0, 3, 0, 5), RightLeg = new LegAngles(0, 3, 0, 5),
    };

    public override IReadOnlyList<BodyAngles> EntryPath => Variant == Incline
        ? [BodyAngles.Standing.WithArms(new ArmAngles(80, 10, 80, 10)) with { Pitch = 25, HeadPitch = -10 }]
        : [FloorPostures.Crouch with { HandSupport = 1, SupportHeight = 0.95 }];

    protected override BodyAngles Extreme(int rep) => Start with { SupportHeight = 0.32, HeadPitch = Start.HeadPitch + 10 };
}
