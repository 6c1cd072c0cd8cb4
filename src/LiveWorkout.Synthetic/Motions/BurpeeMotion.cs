namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Burpee: from standing, crouch with the hands to the floor, jump the feet back to a plank (and
/// do a push-up, in one variant), jump the feet in, and jump up with the arms overhead. The plank
/// (or the push-up's bottom) is mid-rep.
/// </summary>
public sealed class BurpeeMotion(string variant = BurpeeMotion.Standard) : ExerciseMotion
{
    public const string Standard = "standard";
    public const string WithPushUp = "push_up";

    /// <summary>How far the feet jump back from the crouch to the plank, metres.</summary>
    private const double JumpBack = 0.9;

    public override string Exercise => "burpee";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 3.2;

    public override BodyAngles Start => BodyAngles.Standing;

    private static BodyAngles Crouch => FloorPostures.Crouch with { HandSupport = 1, SupportHeight = 0.95 };

    private static BodyAngles Plank => BodyAngles.Standing with
    {
        Pitch = 72, HeadPitch = -30, HandSupport = 1, SupportHeight = 0.97, ShiftZ = -JumpBack,
        LeftLeg = new LegAngles(0, 6, 0, 5), RightLeg = new LegAngles(0, 6, 0, 5),
    };

    public override BodyAngles At(double phase, double depth, int rep)
    {
        var bottom = Variant == WithPushUp ? Plank with { SupportHeight = 0.97 - 0.62 * depth, HeadPitch = -22 } : Plank;
        var jump = BodyAngles.Standing.WithArms(new ArmAngles(172, 14, 176, 12)) with { Lift = 0.05 + 0.1 * depth, HeadPitch = -10 };
        (double At, BodyAngles Pose)[] keys =
        [
            (0, Start), (0.14, Crouch), (0.3, Plank), (0.5, bottom), (0.68, Plank), (0.82, Crouch), (0.92, jump), (1, Start),
        ];
        int i = 1;
        while (i < keys.Length - 1 && phase > keys[i].At) i++;
        double t = Math.Clamp((phase - keys[i - 1].At) / (keys[i].At - keys[i - 1].At), 0, 1);
        return BodyAngles.Lerp(keys[i - 1].Pose, keys[i].Pose, t * t * (3 - 2 * t));
    }
}
