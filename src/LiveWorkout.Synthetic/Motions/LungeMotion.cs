namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Lunge, legs alternating per rep; the hips are lowest mid-rep. The hands rest on the hips or
/// carry a load as people do in gyms: dumbbells at the sides, a barbell across the upper back,
/// dumbbells racked at the shoulders, or the hands behind the head (a prisoner lunge). Forward
/// lunges step out from the feet together and back; a split squat keeps both feet planted apart
/// and only goes down and up; a reverse lunge steps back from a planted front foot; a walking
/// lunge steps forward every rep, moving down the room.
/// </summary>
public sealed class LungeMotion : ExerciseMotion
{
    public const string Forward = "forward";
    public const string SplitSquat = "split_squat";
    public const string Walking = "walking";
    public const string Reverse = "reverse";
    /// <summary>Added to a style's name when dumbbells hang at the sides.</summary>
    public const string WithDumbbells = "_dumbbells";
    /// <summary>Added to a style's name when a barbell lies across the upper back.</summary>
    public const string WithBarbell = "_barbell";
    /// <summary>Added to a style's name when dumbbells are racked at the front of the shoulders.</summary>
    public const string WithRackedDumbbells = "_racked";
    /// <summary>Added to a style's name when the hands are laced behind the head.</summary>
    public const string Prisoner = "_prisoner";

    /// <summary>Every style, the first the standard one.</summary>
    public static readonly string[] Styles = [Forward, SplitSquat, Walking, Reverse];
    /// <summary>Every carry as a suffix of the style, the first (hands on the hips) the empty one.</summary>
    public static readonly string[] Carries = ["", WithDumbbells, WithBarbell, WithRackedDumbbells, Prisoner];

    /// <summary>Feet apart at the bottom (front to back ankle) and a walking step, in thigh lengths.</summary>
    private const double Stance = 2.1, Step = 2.0;
    /// <summary>Hip heights standing and at the bottom (depth 1), in thigh lengths above the front ankle.</summary>
    private const double TopHip = 1.985, BottomHip = 1.0;
    /// <summary>The back ankle at the bottom: raised on the toes.</summary>
    private const double BackHeel = 0.15;

    /// <summary>Dumbbells at the front of the shoulders: upper arms down and forward, forearms up.</summary>
    private static readonly ArmAngles Racked = new(25, 20, 165, 10);

    private readonly string _style;
    private readonly string _carry;
    private readonly int _reps;

    /// <param name="variant">A style, optionally followed by one of <see cref="Carries"/>.</param>
    /// <param name="reps">Reps in the set: a walking lunge's path is centred on the anchor.</param>
    public LungeMotion(string variant = Forward, int reps = 0)
    {
        Variant = variant;
        _carry = Carries.Skip(1).FirstOrDefault(c => variant.EndsWith(c, StringComparison.Ordinal)) ?? "";
        _style = variant[..^_carry.Length];
        _reps = reps;
    }

    /// <summary>Whether <paramref name="variant"/> is a walking lunge, with any carry.</summary>
    public static bool IsWalking(string variant) => variant.StartsWith(Walking, StringComparison.Ordinal);

    private bool Dumbbells => _carry == WithDumbbells;

    public override string Exercise => "lunge";
    public override string Variant { get; }
    public override double CycleSeconds => _style == Walking ? 2.6 : 2.4;

    public override BodyAngles Start => _style == Forward ? Upright : At(0, 1, 0);

    private BodyAngles Upright => _carry switch
    {
        WithDumbbells => BodyAngles.Standing.WithArms(new ArmAngles(0, 8, 0, 8)) with { Held = HeldProp.Dumbbells },
        WithBarbell => BodyAngles.Standing.WithArms(ArmAngles.BarOnBack) with { Held = HeldProp.Barbell },
        WithRackedDumbbells => BodyAngles.Standing.WithArms(Racked) with { Held = HeldProp.Dumbbells },
        Prisoner => BodyAngles.Standing.WithArms(ArmAngles.BehindHead),
        _ => BodyAngles.Standing.WithArms(ArmAngles.OnHip),
    };

    public override BodyAngles After(int rep, double depth) => _style == Walking ? At(1, depth, rep) : Start;

    public override BodyAngles At(double phase, double depth, int rep)
    {
        if (_style == Forward) return BodyAngles.Lerp(Start, StepOut(rep), depth * Profile(phase));
        var (hipZ, hipY, front, back) = _style switch
        {
            SplitSquat => SplitSquatAt(phase, depth),
            Reverse => ReverseAt(phase, depth),
            _ => WalkingAt(phase, depth),
        };
        double lowered = (TopHip - hipY) / (TopHip - BottomHip);
        double pitch = 4 + 6 * lowered;
        var frontLeg = LegReach.To(hipZ, hipY, front.Z, front.Y, pitch, front.Angle);
        var backLeg = LegReach.To(hipZ, hipY, back.Z, back.Y, pitch, back.Angle);
        double along = _reps > 0 ? rep - _reps / 2.0 : rep % 2; // without a set, stay near the anchor
        double stride = (front.Z + back.Z) / 2 + (_style == Walking ? Step * along : 0);
        // Hanging dumbbells stay vertical as the trunk leans; every other carry moves with the trunk.
        var arms = Dumbbells ? new ArmAngles(pitch, 8, pitch, 8) : Upright.LeftArm;
        return Upright.WithArms(arms) with
        {
            Pitch = pitch, HeadPitch = -4 - 4 * lowered, StrideZ = stride,
            LeftLeg = rep % 2 == 0 ? frontLeg : backLeg,
            RightLeg = rep % 2 == 0 ? backLeg : frontLeg,
        };
    }

    /// <summary>A foot: ankle position in thigh lengths and the foot's angle from straight down.</summary>
    private readonly record struct Foot(double Z, double Y, double Angle);

    /// <summary>Both feet planted apart; only the hips go down and up.</summary>
    private static (double, double, Foot, Foot) SplitSquatAt(double phase, double depth)
    {
        double hipY = 1.66 - (1.66 - BottomHip) * depth * Profile(phase);
        return (-0.05, hipY, new Foot(0.95, 0, 90), new Foot(0.95 - Stance, BackHeel, 50));
    }

    /// <summary>The front foot stays put; the other steps back, the hips sink, and it steps back in.</summary>
    private static (double, double, Foot, Foot) ReverseAt(double phase, double depth)
    {
        double u = Profile(phase);
        double step = Smooth(u / 0.6);
        double hipY = TopHip - (TopHip - BottomHip) * depth * Math.Pow(u, 1.5);
        var back = new Foot(-Stance * step, BackHeel * step + 0.25 * Math.Sin(Math.PI * step), 90 - 40 * step);
        return (-1.0 * step, hipY, new Foot(0, 0, 90), back);
    }

    /// <summary>The front foot steps forward and the hips sink (first half); the hips rise and the back foot comes through to meet it (second half).</summary>
    private static (double, double, Foot, Foot) WalkingAt(double phase, double depth)
    {
        double hipY = TopHip - (TopHip - BottomHip) * depth * Profile(phase);
        if (phase < 0.5)
        {
            double a = phase / 0.5, swing = Smooth(a / 0.8), heel = Smooth(a);
            return (0.95 * Smooth(a), hipY, new Foot(Step * swing, 0.25 * Math.Sin(Math.PI * swing), 90), new Foot(0, BackHeel * heel, 90 - 40 * heel));
        }
        double b = (1 - phase) / 0.5, through = 1 - Smooth(b / 0.8), lift = Smooth(b);
        var back = new Foot(Step * through, BackHeel * lift + 0.25 * Math.Sin(Math.PI * through), 90 - 40 * lift);
        return (Step - (Step - 0.95) * Smooth(b), hipY, new Foot(Step, 0, 90), back);
    }

    /// <summary>The step-out lunge's bottom: a long stride from feet that were together.</summary>
    private BodyAngles StepOut(int rep)
    {
        var front = new LegAngles(92, 6, 95, -5);
        var back = new LegAngles(-28, 6, 110, -45);
        return Start with
        {
            Pitch = 4, HeadPitch = -4,
            LeftArm = Dumbbells ? new ArmAngles(4, 8, 4, 8) : Start.LeftArm,
            RightArm = Dumbbells ? new ArmAngles(4, 8, 4, 8) : Start.RightArm,
            LeftLeg = rep % 2 == 0 ? front : back,
            RightLeg = rep % 2 == 0 ? back : front,
        };
    }

    private static double Smooth(double x) { x = Math.Clamp(x, 0, 1); return x * x * (3 - 2 * x); }
}
