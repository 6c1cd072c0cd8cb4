namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Mountain climbers: in a high plank on the hands, the knees drive towards the chest in turn; one
/// cycle is a left and a right drive, the left knee furthest forward mid-cycle.
/// </summary>
public sealed class MountainClimberMotion : ExerciseMotion
{
    public override string Exercise => "mountain_climber";
    public override double CycleSeconds => 0.8;

    private static readonly LegAngles Back = new(0, 4, 0, 8);

    public override BodyAngles Start => BodyAngles.Standing with
    {
        Pitch = 70, HeadPitch = -26, HandSupport = 1, SupportHeight = 0.97, PelvisAnchor = 1, LeftLeg = Back, RightLeg = Back,
    };

    public override IReadOnlyList<BodyAngles> EntryPath => [FloorPostures.Crouch with { HandSupport = 1, SupportHeight = 0.95, PelvisAnchor = 1 }];

    public override BodyAngles At(double phase, double depth, int rep)
    {
        double left = 0.5 - 0.5 * Math.Cos(2 * Math.PI * phase), right = 1 - left;
        double amp = 0.6 + 0.4 * depth;
        static LegAngles Drive(double t) => new(94 * t, 4, 118 * t, 8 + 22 * t);
        return Start with { LeftLeg = Drive(amp * left), RightLeg = Drive(amp * right), HeadPitch = -26 + 4 * Math.Sin(4 * Math.PI * phase) };
    }
}
