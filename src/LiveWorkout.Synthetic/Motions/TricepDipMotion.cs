namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Tricep dip on parallel bars (held up on straight arms, knees bent, lowered until the upper
/// arms are about level) or off a bench behind the body with the feet forward on the floor; the
/// body is lowest mid-rep.
/// </summary>
public sealed class TricepDipMotion(string variant = TricepDipMotion.Bars) : KeyPoseMotion
{
    public const string Bars = "bars";
    public const string Bench = "bench";

    public override string Exercise => "tricep_dip";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.2;

    public override BodyAngles Start => Variant == Bench
        ? BodyAngles.Standing.WithLegs(new LegAngles(58, 8, 12, 10))
            .WithArms(ArmAngles.Pointing(new Vec3(0.12, -1, -0.3), new Vec3(0.05, -1, -0.15), 0)) with { HeadPitch = -5 }
        : BodyAngles.Standing.WithLegs(new LegAngles(18, 4, 80, 25))
            .WithArms(ArmAngles.Pointing(new Vec3(0.18, -1, 0.02), new Vec3(0.02, -1, 0), 8)) with { Pitch = 8, Hang = 1, DipBars = 1 };

    /// <summary>Sit on the bench's edge, or step up between the bars.</summary>
    public override IReadOnlyList<BodyAngles> EntryPath => Variant == Bench
        ? [SeatedPostures.SittingDown(BodyAngles.Standing)]
        : [BodyAngles.Standing.WithArms(ArmAngles.Pointing(new Vec3(0.18, -1, 0.02), new Vec3(0.02, -1, 0), 0))];

    protected override BodyAngles Extreme(int rep) => Variant == Bench
        ? Start.WithLegs(new LegAngles(78, 8, 18, 10)).WithArms(ArmAngles.Pointing(new Vec3(0.2, -0.2, -1), new Vec3(0.05, -1, 0.1), 0))
        : Start.WithArms(ArmAngles.Pointing(new Vec3(0.3, -0.25, -1), new Vec3(0.05, -1, 0.15), 22)) with { Pitch = 22, HeadPitch = -10 };
}
