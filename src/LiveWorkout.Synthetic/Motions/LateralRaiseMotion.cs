namespace LiveWorkout.Synthetic.Motions;

/// <summary>Lateral raise with dumbbells, standing or seated: the arms, elbows a little bent, rise out to the sides to shoulder height (mid-rep).</summary>
public sealed class LateralRaiseMotion(string variant = LateralRaiseMotion.Standing) : KeyPoseMotion
{
    public const string Standing = "standing";
    public const string Seated = "seated";

    public override string Exercise => "lateral_raise";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.2;

    public override BodyAngles Start => Base.WithArms(new ArmAngles(8, 12, 12, 10)) with { Held = HeldProp.Dumbbells };

    private BodyAngles Base => Variant == Seated ? SeatedPostures.Sitting(0) with { Equipment = Equipment.Seat } : BodyAngles.Standing with { Pitch = 4 };

    public override IReadOnlyList<BodyAngles> EntryPath => Variant == Seated ? [SeatedPostures.SittingDown(Start)] : [];

    protected override BodyAngles Extreme(int rep) => Start.WithArms(new ArmAngles(14, 86, 26, 82)) with { HeadPitch = -3 };
}
