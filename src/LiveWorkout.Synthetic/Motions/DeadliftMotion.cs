namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Deadlift from standing with the weight at the thighs down to the floor and back: conventional
/// (hips and knees bend, the bar to the shins), sumo (feet wide, trunk more upright), or a
/// Romanian deadlift (knees almost straight, the hips pushed back, the weight to mid-shin) with a
/// barbell or dumbbells. The arms hang straight down; the weight is lowest mid-rep.
/// </summary>
public sealed class DeadliftMotion : KeyPoseMotion
{
    public const string Deadlift = "deadlift";
    public const string Romanian = "romanian_deadlift";
    public const string Conventional = "conventional";
    public const string Sumo = "sumo";
    public const string Barbell = "barbell";
    public const string Dumbbells = "dumbbells";

    public DeadliftMotion(string exercise, string variant)
    {
        Exercise = exercise;
        Variant = variant;
    }

    public override string Exercise { get; }
    public override string Variant { get; }
    public override double CycleSeconds => Exercise == Romanian ? 2.8 : 2.6;

    private double Stance => Variant == Sumo ? 28 : 6;

    public override BodyAngles Start => BodyAngles.Standing
        .WithLegs(new LegAngles(0, Stance, 3, 0))
        .WithArms(new ArmAngles(4, Variant == Sumo ? 4 : 10, 4, 8)) with { Held = Variant == Dumbbells ? HeldProp.Dumbbells : HeldProp.Barbell };

    protected override BodyAngles Extreme(int rep) => Exercise == Romanian
        ? Bottom(pitch: 72, thigh: 12, knee: 22, head: -25)
        : Variant == Sumo ? Bottom(pitch: 40, thigh: 72, knee: 92, head: -18) : Bottom(pitch: 55, thigh: 62, knee: 78, head: -22);

    /// <summary>Thigh angle in the world = hip flexion - pitch; the ankle keeps the foot flat; the arms hang straight down in the world.</summary>
    private BodyAngles Bottom(double pitch, double thigh, double knee, double head)
    {
        var leg = new LegAngles(thigh + pitch, Stance, knee, thigh - knee);
        return Start with
        {
            Pitch = pitch, HeadPitch = head, LeftLeg = leg, RightLeg = leg,
            LeftArm = new ArmAngles(pitch - 2, Start.LeftArm.UpperAbduction, pitch, 8),
            RightArm = new ArmAngles(pitch - 2, Start.RightArm.UpperAbduction, pitch, 8),
        };
    }
}
