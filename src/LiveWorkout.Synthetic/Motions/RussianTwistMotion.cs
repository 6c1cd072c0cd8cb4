namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Russian twist: seated on the floor leaning back, knees bent, heels on the floor or lifted,
/// the hands together in front of the chest swinging to the left and to the right; one rep is a
/// touch on each side (left at a quarter of the cycle, right at three quarters).
/// </summary>
public sealed class RussianTwistMotion(string variant = RussianTwistMotion.FeetDown) : ExerciseMotion
{
    public const string FeetDown = "feet_down";
    public const string FeetUp = "feet_up";

    private const double Pitch = -42;

    public override string Exercise => "russian_twist";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.0;

    public override BodyAngles Start => Twisted(0);

    public override IReadOnlyList<BodyAngles> EntryPath => [FloorPostures.Crouch, FloorPostures.Seated with { PelvisAnchor = 1 }];

    public override BodyAngles At(double phase, double depth, int rep) => Twisted(depth * Math.Sin(2 * Math.PI * phase));

    /// <summary>Twisted to the left (positive) or right (negative), -1..1: the hands swing to that side, the shoulders tilt with them.</summary>
    private BodyAngles Twisted(double twist)
    {
        var legs = Variant == FeetUp ? new LegAngles(120 + Pitch, 10, 88, 30) : new LegAngles(128 + Pitch, 10, 108, 30);
        // The hands meet in front of the chest; a twist carries both towards one side.
        ArmAngles ArmFor(double outward) => ArmAngles.Pointing(
            new Vec3(0.55 + 0.5 * outward, -0.3, 0.8), new Vec3(-0.7 + 0.9 * outward, 0.15, 0.7), Pitch);
        return BodyAngles.Standing with
        {
            Pitch = Pitch, SpineCurl = 8, HeadPitch = 12, Roll = 7 * twist, PelvisAnchor = 1,
            LeftLeg = legs, RightLeg = legs,
            LeftArm = ArmFor(twist), RightArm = ArmFor(-twist),
        };
    }
}
