namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Bench press lying on a flat, incline (trunk about 35 degrees up) or decline bench (head about
/// 20 degrees down, knees hooked under pads), with a barbell or dumbbells: arms straight up over
/// the shoulders, lowered until the elbows are out and below the trunk mid-rep. The feet (or, on a
/// decline bench, the head's height) put the trunk at bench height; the bench is drawn under it.
/// </summary>
public sealed class BenchPressMotion : KeyPoseMotion
{
    public const string Flat = "bench_press";
    public const string InclineBench = "incline_bench_press";
    public const string DeclineBench = "decline_bench_press";
    public const string Barbell = "barbell";
    public const string Dumbbells = "dumbbells";

    /// <summary>How far a decline bench lifts the body off the floor at its low end, metres.</summary>
    private const double DeclineLift = 0.32;

    public BenchPressMotion(string exercise, string variant = Barbell)
    {
        Exercise = exercise;
        Variant = variant;
        Pitch = exercise switch { InclineBench => -55, DeclineBench => -110, _ => -90 };
    }

    public override string Exercise { get; }
    public override string Variant { get; }
    public override double CycleSeconds => 2.4;

    private double Pitch { get; }

    public override BodyAngles Start => Lying.WithArms(Up) with
    {
        Held = Variant == Barbell ? HeldProp.Barbell : HeldProp.Dumbbells, HeadPitch = Exercise == InclineBench ? 10 : 0,
        Equipment = Exercise == InclineBench ? Equipment.BackedSeat : Equipment.BackPad,
    };

    /// <summary>Arms straight up over the shoulders, a little wider apart with a bar.</summary>
    private ArmAngles Up => Variant == Barbell
        ? ArmAngles.Pointing(new Vec3(0.16, 1, 0), new Vec3(0.06, 1, 0), Pitch)
        : ArmAngles.Pointing(new Vec3(0.08, 1, 0), new Vec3(0, 1, 0), Pitch);

    private BodyAngles Lying
    {
        get
        {
            var legs = Exercise == DeclineBench ? new LegAngles(120 + Pitch, 8, 95, 10) : SeatedPostures.Legs(Pitch);
            return BodyAngles.Standing with { Pitch = Pitch, LeftLeg = legs, RightLeg = legs, Lift = Exercise == DeclineBench ? DeclineLift : 0 };
        }
    }

    /// <summary>Sit on the bench's end, then lie back.</summary>
    public override IReadOnlyList<BodyAngles> EntryPath
    {
        get
        {
            var holding = BodyAngles.Standing.WithArms(new ArmAngles(20, 12, 90, 10)) with { Held = Start.Held, Equipment = Equipment.Seat };
            var legs = SeatedPostures.Legs(-5);
            return [SeatedPostures.SittingDown(holding), holding with { Pitch = -5, LeftLeg = legs, RightLeg = legs }];
        }
    }

    /// <summary>Elbows out to the sides and below the trunk, forearms upright under the weight.</summary>
    protected override BodyAngles Extreme(int rep) => Start.WithArms(Variant == Barbell
        ? ArmAngles.Pointing(new Vec3(0.92, -0.3, 0.2), new Vec3(0.05, 1, 0), Pitch)
        : ArmAngles.Pointing(new Vec3(0.8, -0.4, 0.3), new Vec3(0, 1, 0), Pitch));
}
