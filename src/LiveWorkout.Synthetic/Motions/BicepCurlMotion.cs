namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Dumbbell or barbell curl: standing, seated on a bench, on an incline bench (leaning back, arms
/// hanging behind the trunk), on a preacher pad (upper arms forward and down), both arms or
/// alternating. The weight is highest mid-rep. A hammer curl turns only the forearm, which body
/// landmarks do not show: its joints are a standing curl's, and it is logged as a bicep curl.
/// </summary>
public sealed class BicepCurlMotion(string variant = BicepCurlMotion.Standing) : KeyPoseMotion
{
    public const string Standing = "standing";
    public const string Alternating = "alternating";
    public const string Seated = "seated";
    public const string SeatedAlternating = "seated_alternating";
    public const string Incline = "incline";
    public const string Preacher = "preacher";
    public const string Barbell = "barbell";

    /// <summary>Trunk pitch on an incline bench (leaning back) and over a preacher pad (leaning forward).</summary>
    private const double InclinePitch = -38, PreacherPitch = 18;

    public override string Exercise => "bicep_curl";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.3;

    private bool IsSeated => Variant is Seated or SeatedAlternating or Incline or Preacher;

    public override BodyAngles Start => Variant switch
    {
        Incline => SeatedPostures.Sitting(InclinePitch).WithArms(Hang(InclinePitch, 12)) with { Held = HeldProp.Dumbbells, Equipment = Equipment.BackedSeat },
        Preacher => SeatedPostures.Sitting(PreacherPitch).WithArms(OnPad(60)) with { Held = HeldProp.Barbell, Equipment = Equipment.Seat },
        Barbell => BodyAngles.Standing.WithArms(new ArmAngles(5, 12, 12, 10)) with { Held = HeldProp.Barbell },
        Seated or SeatedAlternating => SeatedPostures.Sitting(-3).WithArms(new ArmAngles(2, 12, 10, 8)) with { Held = HeldProp.Dumbbells, Equipment = Equipment.Seat },
        _ => BodyAngles.Standing.WithArms(new ArmAngles(5, 10, 12, 8)) with { Held = HeldProp.Dumbbells },
    };

    public override IReadOnlyList<BodyAngles> EntryPath => IsSeated
        ? [SeatedPostures.SittingDown(Start), SeatedPostures.Sitting(0).WithArms(new ArmAngles(5, 10, 12, 8)) with { Held = Start.Held, Equipment = Start.Equipment }]
        : [];

    protected override BodyAngles Extreme(int rep)
    {
        var curled = Variant switch
        {
            Incline => Hang(InclinePitch, 145),
            Preacher => OnPad(165),
            Barbell => new ArmAngles(16, 12, 150, 6),
            Seated or SeatedAlternating => new ArmAngles(14, 10, 148, 4),
            _ => new ArmAngles(18, 10, 150, 4),
        };
        var top = Start with { HeadPitch = Start.HeadPitch + 5 };
        if (Variant is not (Alternating or SeatedAlternating)) return top.WithArms(curled);
        // One arm per rep, left first; the other hangs still.
        return rep % 2 == 0 ? top with { LeftArm = curled } : top with { RightArm = curled };
    }

    /// <summary>Upper arm hanging straight down in the world, forearm at <paramref name="forearm"/> degrees from hanging, for a trunk at <paramref name="pitch"/>.</summary>
    private static ArmAngles Hang(double pitch, double forearm) => new(pitch - 4, 10, pitch + forearm, 6);

    /// <summary>Upper arm resting forward and down on a preacher pad (45 degrees in the world), forearm at <paramref name="forearm"/> degrees from hanging.</summary>
    private static ArmAngles OnPad(double forearm) => new(45 + PreacherPitch, 12, forearm + PreacherPitch, 4);
}
