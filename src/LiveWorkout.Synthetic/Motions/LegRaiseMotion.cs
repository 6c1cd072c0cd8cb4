namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Leg raise lying on the back, arms along the floor, or hanging from the pull-up bar: the
/// straight legs rise to upright when lying and to level when hanging (mid-rep), and come down
/// without touching the floor.
/// </summary>
public sealed class LegRaiseMotion(string variant = LegRaiseMotion.Lying) : KeyPoseMotion
{
    public const string Lying = "lying";
    public const string Hanging = "hanging";

    public override string Exercise => "leg_raise";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.6;
    public override bool UsesBar => Variant == Hanging;

    private static readonly ArmAngles Grip = new(168, 12, 174, 10);

    public override BodyAngles Start => Variant == Hanging
        ? BodyAngles.Standing.WithArms(Grip).WithLegs(new LegAngles(4, 4, 6, 25)) with { Hang = 1, HeadPitch = -5 }
        : BodyAngles.Standing.WithArms(new ArmAngles(2, 18, 2, 18)).WithLegs(new LegAngles(8, 4, 4, 30)) with { Pitch = -88, HeadPitch = 10, PelvisAnchor = 1 };

    public override IReadOnlyList<BodyAngles> EntryPath => Variant == Hanging
        ? [BodyAngles.Standing.WithArms(Grip) with { HeadPitch = -15 }]
        : [FloorPostures.Crouch, FloorPostures.Seated with { PelvisAnchor = 1 }];

    protected override BodyAngles Extreme(int rep) => Variant == Hanging
        ? Start.WithLegs(new LegAngles(88, 5, 12, 25)) with { Pitch = -8 }
        : Start.WithLegs(new LegAngles(86, 4, 10, 30)) with { HeadPitch = 16 };
}
