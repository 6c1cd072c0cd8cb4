namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Tricep pushdown at a cable station, leaning a little forward with the elbows at the sides: the
/// forearms push a bar (or a rope, hands spreading at the bottom) from about level down until
/// the arms are straight (mid-rep).
/// </summary>
public sealed class TricepPushdownMotion(string variant = TricepPushdownMotion.Bar) : KeyPoseMotion
{
    public const string Bar = "bar";
    public const string Rope = "rope";

    private const double Pitch = 12;

    public override string Exercise => "tricep_pushdown";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.0;

    private static readonly Vec3 UpperArm = new(0.12, -1, 0.12);

    public override BodyAngles Start => BodyAngles.Standing.WithLegs(new LegAngles(Pitch + 4, 8, 10, -6))
        .WithArms(ArmAngles.Pointing(UpperArm, new Vec3(-0.15, 0.35, 1), Pitch)) with { Pitch = Pitch, HeadPitch = -8, Held = HeldProp.CableHandle };

    protected override BodyAngles Extreme(int rep) => Start.WithArms(ArmAngles.Pointing(UpperArm, Variant == Rope ? new Vec3(0.2, -1, 0.25) : new Vec3(-0.05, -1, 0.25), Pitch));
}
