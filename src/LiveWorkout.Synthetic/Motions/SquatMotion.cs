namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Squat, bodyweight (arms reaching forward for balance) or loaded as people train in gyms: a
/// barbell on the back or in front, a goblet dumbbell at the chest, dumbbells at the sides, a box
/// to sit back to, a Smith machine, the hands behind the head (a prisoner squat), or a wide sumo
/// stance with one weight hanging between the legs. The hips are lowest mid-rep.
/// </summary>
public sealed class SquatMotion(string variant = SquatMotion.Bodyweight) : KeyPoseMotion
{
    public const string Bodyweight = "bodyweight";
    public const string BackSquat = "back_squat";
    public const string FrontSquat = "front_squat";
    public const string Goblet = "goblet";
    public const string Dumbbells = "dumbbells";
    public const string BoxSquat = "box_squat";
    public const string Machine = "machine";
    public const string Prisoner = "prisoner";
    public const string Sumo = "sumo";

    /// <summary>Bar in the front rack: upper arms forward, hands by the front of the shoulders.</summary>
    private static readonly ArmAngles FrontRack = new(65, 15, 180, 0);
    /// <summary>Both hands hold one dumbbell upright against the chest.</summary>
    private static readonly ArmAngles GobletHold = new(20, -5, 135, 45);
    /// <summary>Hands on the bar of a Smith machine at shoulder height, elbows down.</summary>
    private static readonly ArmAngles MachineGrip = new(-5, 50, -5, 165);
    /// <summary>Both hands hold one weight hanging between the legs.</summary>
    private static readonly ArmAngles BetweenLegs = new(5, -10, 5, -12);

    public override string Exercise => "squat";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.2;

    public override BodyAngles Start => Variant switch
    {
        BackSquat => Stance.WithArms(ArmAngles.BarOnBack) with { Held = HeldProp.Barbell },
        FrontSquat => Stance.WithArms(FrontRack) with { Held = HeldProp.Barbell },
        Goblet => Stance.WithArms(GobletHold) with { Held = HeldProp.Dumbbells },
        Dumbbells => Stance.WithArms(new ArmAngles(0, 10, 0, 8)) with { Held = HeldProp.Dumbbells },
        Machine => Stance.WithArms(MachineGrip) with { Held = HeldProp.Barbell },
        Prisoner => Stance.WithArms(ArmAngles.BehindHead),
        Sumo => BodyAngles.Standing.WithLegs(new LegAngles(0, SumoAbduction, 3, 0)).WithArms(BetweenLegs) with { Held = HeldProp.Dumbbells },
        _ => Stance.WithArms(new ArmAngles(20, 10, 35, 10)),
    };

    private static BodyAngles Stance => BodyAngles.Standing.WithLegs(new LegAngles(0, StanceAbduction, 3, 0));
    /// <summary>How far each leg turns out from the hip, standing and at the bottom, so the feet stay planted.</summary>
    private const double StanceAbduction = 12;
    /// <summary>A sumo stance's feet, about twice the shoulders' width apart.</summary>
    private const double SumoAbduction = 22;

    // Thigh angle in the world = hip flexion - pitch; the ankle equals the shin's world angle, so feet stay flat.
    protected override BodyAngles Extreme(int rep) => Variant switch
    {
        BackSquat => Bottom(40, thigh: 90, knee: 118, head: -22),
        FrontSquat => Bottom(22, thigh: 92, knee: 128, head: -12),
        // The goblet stays at the chest: the arms turn back against the trunk's lean.
        Goblet => Bottom(25, thigh: 95, knee: 130, head: -14).WithArms(new ArmAngles(GobletHold.UpperFlexion + 20, -5, GobletHold.ForearmFlexion + 20, 45)),
        Dumbbells => Bottom(34, thigh: 88, knee: 116, head: -20).WithArms(new ArmAngles(34, 10, 34, 8)),
        BoxSquat => Bottom(36, thigh: 84, knee: 88, head: -22).WithArms(new ArmAngles(120, 12, 124, 12)),
        Machine => Bottom(10, thigh: 86, knee: 102, head: -6),
        Prisoner => Bottom(32, thigh: 90, knee: 118, head: -16),
        // The trunk more upright over the wide feet, the weight still hanging straight down.
        Sumo => Bottom(18, thigh: 80, knee: 100, head: -10, abduction: SumoAbduction).WithArms(new ArmAngles(23, -10, 23, -12)),
        _ => Start with
        {
            Pitch = 38, HeadPitch = -25,
            LeftLeg = new LegAngles(128, StanceAbduction, 118, -28), RightLeg = new LegAngles(128, StanceAbduction, 118, -28),
            LeftArm = new ArmAngles(125, 12, 128, 12), RightArm = new ArmAngles(125, 12, 128, 12),
        },
    };

    private BodyAngles Bottom(double pitch, double thigh, double knee, double head, double abduction = StanceAbduction)
    {
        var leg = new LegAngles(thigh + pitch, abduction, knee, thigh - knee);
        return Start with { Pitch = pitch, HeadPitch = head, LeftLeg = leg, RightLeg = leg };
    }
}
