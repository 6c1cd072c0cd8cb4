namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Lat pulldown, seated with the thighs under the pads: a wide overhand grip pulled to the upper
/// chest with the elbows out and down, or a close grip pulled with the elbows forward; the trunk
/// leans back a little as the bar comes down (mid-rep).
/// </summary>
public sealed class LatPulldownMotion(string variant = LatPulldownMotion.Wide) : KeyPoseMotion
{
    public const string Wide = "wide";
    public const string Close = "close";

    public override string Exercise => "lat_pulldown";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 2.4;

    private ArmAngles Reach => Variant == Close ? new ArmAngles(165, 8, 174, 6) : new ArmAngles(8, 158, 8, 166);

    public override BodyAngles Start => Sitting(-4).WithArms(Reach) with { Held = HeldProp.CableHandle, HeadPitch = -12 };

    /// <summary>Thighs a little above level, under the pads.</summary>
    private static BodyAngles Sitting(double pitch) => SeatedPostures.Sitting(pitch, thigh: 95) with { Equipment = Equipment.Seat };

    public override IReadOnlyList<BodyAngles> EntryPath => [BodyAngles.Standing.WithArms(Reach) with { HeadPitch = -15, Held = HeldProp.CableHandle }, SeatedPostures.SittingDown(Start)];

    protected override BodyAngles Extreme(int rep) => Sitting(-16).WithArms(Variant == Close ? new ArmAngles(30, 6, 168, 12) : new ArmAngles(16, 62, 14, 205)) with
    {
        Held = HeldProp.CableHandle, HeadPitch = -6,
    };
}
