namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Shoulder press with dumbbells or a barbell, standing or seated on a bench; dumbbells start with
/// the elbows out at shoulder height or, palms in, with the elbows low and forward and the weights
/// at the shoulders. Standing, the feet are about shoulder width apart, as people brace to press.
/// The weight is highest (arms straight overhead) mid-rep.
/// </summary>
public sealed class ShoulderPressMotion(string variant = ShoulderPressMotion.Standing) : KeyPoseMotion
{
    public const string Standing = "standing";
    public const string Seated = "seated";
    public const string Barbell = "barbell";
    public const string SeatedBarbell = "seated_barbell";
    public const string PalmsIn = "palms_in";
    public const string SeatedPalmsIn = "seated_palms_in";

    /// <summary>Leaning back a little against the bench's back rest.</summary>
    private const double SeatedPitch = -6;

    private static readonly ArmAngles DumbbellsRacked = new(15, 82, 8, 176);
    /// <summary>Elbows low, a little out and forward, forearms upright: the weights at the shoulders.</summary>
    private static readonly ArmAngles DumbbellsLow = new(30, 35, 8, 174);
    private static readonly ArmAngles DumbbellsUp = new(8, 166, 5, 174);
    /// <summary>Bar in front of the chin, hands a little wider than the shoulders.</summary>
    private static readonly ArmAngles BarRacked = new(30, 30, 155, -15);
    private static readonly ArmAngles BarUp = new(178, -10, 180, -15);

    public override string Exercise => "shoulder_press";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.3;

    private bool IsSeated => Variant is Seated or SeatedBarbell or SeatedPalmsIn;
    private bool IsBarbell => Variant is Barbell or SeatedBarbell;

    public override BodyAngles Start => Base.WithArms(Racked) with { Held = IsBarbell ? HeldProp.Barbell : HeldProp.Dumbbells };

    private ArmAngles Racked => IsBarbell ? BarRacked : Variant is PalmsIn or SeatedPalmsIn ? DumbbellsLow : DumbbellsRacked;

    /// <summary>Legs turned out this far (degrees): the feet about shoulder width apart.</summary>
    private const double StanceAbduction = 6;

    private BodyAngles Base => IsSeated
        ? SeatedPostures.Sitting(SeatedPitch) with { Equipment = Equipment.BackedSeat }
        : BodyAngles.Standing.WithLegs(LegAngles.Standing with { HipAbduction = StanceAbduction });

    public override IReadOnlyList<BodyAngles> EntryPath
    {
        get
        {
            var holding = Base.WithArms(new ArmAngles(5, 10, 12, 8)) with { Held = Start.Held };
            return IsSeated ? [SeatedPostures.SittingDown(holding), holding] : [holding];
        }
    }

    protected override BodyAngles Extreme(int rep) => Start.WithArms(IsBarbell ? BarUp : DumbbellsUp) with { HeadPitch = Start.HeadPitch - 5 };
}
