namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Chest fly on a pec deck machine, seated against the back rest: the arms, elbows a little bent,
/// swing from out to the sides at shoulder height to together in front of the chest (mid-rep).
/// </summary>
public sealed class ChestFlyMotion : KeyPoseMotion
{
    private const double Pitch = -6;

    public override string Exercise => "chest_fly";
    public override double CycleSeconds => 2.4;

    // Abduction 90 keeps an arm level; flexion then turns it from the side (0) to the front (90).
    public override BodyAngles Start => SeatedPostures.Sitting(Pitch).WithArms(new ArmAngles(2, 90, 22, 90)) with { Equipment = Equipment.BackedSeat };

    public override IReadOnlyList<BodyAngles> EntryPath => [SeatedPostures.SittingDown(SeatedPostures.Sitting(Pitch)), SeatedPostures.Sitting(Pitch) with { Equipment = Start.Equipment }];

    protected override BodyAngles Extreme(int rep) => Start.WithArms(new ArmAngles(74, 90, 98, 90)) with { HeadPitch = 4 };
}
