namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// T-bar row, bent over at the hips with the knees a little bent, hands on the handle under the
/// chest: the elbows pull back past the trunk (mid-rep) and the arms straighten down again.
/// </summary>
public sealed class TBarRowMotion : KeyPoseMotion
{
    private const double Pitch = 48;

    public override string Exercise => "t_bar_row";
    public override double CycleSeconds => 2.2;

    /// <summary>Thigh in the world = hip flexion - pitch; the ankle keeps the foot flat.</summary>
    private static LegAngles Legs => new(18 + Pitch, 14, 32, 18 - 32);

    public override BodyAngles Start => BodyAngles.Standing.WithLegs(Legs).WithArms(ArmAngles.Pointing(new Vec3(0.08, -1, 0.05), new Vec3(-0.05, -1, 0), Pitch)) with
    {
        Pitch = Pitch, HeadPitch = -22, Held = HeldProp.Barbell,
    };

    public override IReadOnlyList<BodyAngles> EntryPath => [BodyAngles.Standing with { Held = HeldProp.Barbell }];

    protected override BodyAngles Extreme(int rep) => Start.WithArms(ArmAngles.Pointing(new Vec3(0.25, -0.45, -0.85), new Vec3(-0.15, -1, 0.35), Pitch)) with
    {
        Pitch = Pitch - 6, HeadPitch = -18,
    };
}
