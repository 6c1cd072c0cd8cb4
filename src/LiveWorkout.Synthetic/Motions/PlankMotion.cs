namespace LiveWorkout.Synthetic.Motions;

/// <summary>Plank on the forearms or on straight arms (a high plank): a static hold; the "cycle" is a slow breath that sways the trunk slightly.</summary>
public sealed class PlankMotion(string variant = PlankMotion.Forearms) : ExerciseMotion
{
    public const string Forearms = "forearms";
    public const string Hands = "hands";

    public override string Exercise => "plank";
    public override string Variant { get; } = variant;
    public override double CycleSeconds => 4.0;
    public override bool IsStaticHold => true;

    public override BodyAngles Start => Variant == Hands
        ? BodyAngles.Standing with
        {
            Pitch = 72, HeadPitch = -28, HandSupport = 1, SupportHeight = 0.98,
            LeftLeg = new LegAngles(0, 3, 0, 5), RightLeg = new LegAngles(0, 3, 0, 5),
        }
        : BodyAngles.Standing with
        {
            Pitch = 80, HeadPitch = -25, ForearmSupport = 1,
            LeftLeg = new LegAngles(0, 3, 0, 5), RightLeg = new LegAngles(0, 3, 0, 5),
        };

    public override IReadOnlyList<BodyAngles> EntryPath => Variant == Hands
        ? [FloorPostures.Crouch with { HandSupport = 1, SupportHeight = 0.95 }]
        :
        [
            FloorPostures.Crouch with { HandSupport = 1, SupportHeight = 0.95 },
            Start with { ForearmSupport = 0, HandSupport = 1, SupportHeight = 0.6, LeftLeg = new LegAngles(0, 3, 0, 5) },
        ];

    public override BodyAngles At(double phase, double depth, int rep)
    {
        double breath = Math.Sin(2 * Math.PI * phase);
        return Start with { SpineCurl = 2.5 * breath, Lift = 0.008 * breath, HeadPitch = Start.HeadPitch + 3 * breath };
    }
}
