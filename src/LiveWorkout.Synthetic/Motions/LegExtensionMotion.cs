namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Leg extension on a machine: seated, leaning back against the pad, hands on the handles at the
/// sides; the knees straighten until the shins are level (mid-rep). The seat holds the pelvis,
/// so the body stays put as the feet rise.
/// </summary>
public sealed class LegExtensionMotion : KeyPoseMotion
{
    private const double Pitch = -12;

    public override string Exercise => "leg_extension";
    public override double CycleSeconds => 2.4;

    public override BodyAngles Start => Seated(knee: 92);

    private static BodyAngles Seated(double knee)
    {
        var legs = new LegAngles(90 + Pitch, 8, knee, 10);
        return BodyAngles.Standing.WithArms(new ArmAngles(Pitch + 14, 24, Pitch + 50, 16)) with
        {
            Pitch = Pitch, LeftLeg = legs, RightLeg = legs, Seat = 1, PelvisAnchor = 1, Equipment = Equipment.BackedSeat,
        };
    }

    public override IReadOnlyList<BodyAngles> EntryPath => [SeatedPostures.SittingDown(BodyAngles.Standing)];

    protected override BodyAngles Extreme(int rep) => Seated(knee: 8) with { HeadPitch = -4 };
}
