namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Time between sets: standing about, walking across or around, stretching, a sip or two from a bottle,
/// adjusting equipment, standing with the hands on the hips, sitting on a bench, looking at a phone. Unlike exercises it has no reps; <see cref="AtTime"/> gives the posture
/// a number of seconds into the activity (walking crosses the scene over the whole duration).
/// </summary>
public sealed class IdleMotion(IdleActivity activity) : ExerciseMotion
{
    public IdleActivity Activity { get; } = activity;

    public static IReadOnlyList<IdleActivity> Activities { get; } = Enum.GetValues<IdleActivity>();

    public override string Exercise => Core.ExerciseCatalog.Idle;
    public override double CycleSeconds => Activity is IdleActivity.WalkingAcross or IdleActivity.WalkingAround ? 1.1 : 6.0;

    /// <summary>Radius of the circle walked around, metres, and the walking speed, metres per second.</summary>
    public const double AroundRadius = 0.9, WalkSpeed = 0.8;

    /// <summary>How far walking goes either side of the anchor, metres.</summary>
    public const double WalkHalfLength = 1.1;

    public override BodyAngles Start => AtTime(0, 8);

    public override BodyAngles At(double phase, double depth, int rep) => AtTime(phase * 8, 8);

    public BodyAngles AtTime(double t, double duration)
    {
        double w = 2 * Math.PI * t;
        var stand = BodyAngles.Standing;
        switch (Activity)
        {
            case IdleActivity.Standing:
                return stand with
                {
                    Roll = 2.5 * Math.Sin(w / 5), HeadPitch = 6 * Math.Sin(w / 7),
                    LeftArm = new ArmAngles(4 + 4 * Math.Sin(w / 6), 10, 10, 8), RightArm = new ArmAngles(-5, 40, 10, -55),
                    LeftLeg = new LegAngles(3, 6, 4, 0), RightLeg = new LegAngles(-3, 4, 10, 0),
                };
            case IdleActivity.WalkingAcross:
            {
                double progress = duration > 0 ? Math.Clamp(t / duration, 0, 1) : 0.5;
                return Gait(t) with { Yaw = 90, ShiftZ = -WalkHalfLength + 2 * WalkHalfLength * progress };
            }
            case IdleActivity.WalkingAround:
            {
                // Standing a radius to the side of the anchor and turning right walks a circle around it.
                return Gait(t) with { Yaw = -WalkSpeed / AroundRadius * t * 180 / Math.PI, ShiftX = AroundRadius };
            }
            case IdleActivity.HandsOnHips:
            {
                double sway = Math.Sin(w / 7);
                return stand with
                {
                    Roll = 2 * sway, Pitch = 2, HeadPitch = 8 * Math.Sin(w / 5) - 4, Yaw = 12 * Math.Sin(w / 9),
                    LeftArm = ArmAngles.OnHip, RightArm = ArmAngles.OnHip,
                    LeftLeg = new LegAngles(2, 6, 3 + 4 * Math.Max(0, sway), 0), RightLeg = new LegAngles(-2, 6, 3 + 4 * Math.Max(0, -sway), 0),
                };
            }
            case IdleActivity.SittingResting:
            {
                // On a bench, leaning forward with the forearms on the thighs, catching breath.
                double breath = Math.Sin(w / 3.5);
                const double pitch = 22;
                var legs = SeatedPostures.Legs(pitch);
                return stand with
                {
                    Pitch = pitch + 2 * breath, SpineCurl = 10, HeadPitch = 12 + 10 * Math.Sin(w / 11),
                    LeftLeg = legs, RightLeg = legs, Equipment = Equipment.Seat,
                    LeftArm = new ArmAngles(pitch + 35, 12, pitch + 85, -10), RightArm = new ArmAngles(pitch + 35, 12, pitch + 85, -10),
                };
            }
            case IdleActivity.LookingAtPhone:
            {
                double scroll = Math.Sin(w / 1.5);
                return stand with
                {
                    HeadPitch = 32, SpineCurl = 4, Roll = 1.5 * Math.Sin(w / 8),
                    LeftArm = new ArmAngles(20, -5, 110, 30), RightArm = new ArmAngles(20 + 2 * scroll, -5, 110 + 3 * scroll, 30),
                    LeftLeg = new LegAngles(2, 5, 4, 0), RightLeg = new LegAngles(-2, 5, 8, 0),
                };
            }
            case IdleActivity.Stretching:
            {
                // Side bends with the arms overhead, then a forward fold, over a 12-second cycle.
                double cycle = t % 12 / 12, fold = Math.Clamp((Math.Sin(2 * Math.PI * cycle) * -1.5) + 0.2, 0, 1);
                var overhead = stand.WithArms(new ArmAngles(0, 165, 0, 175)) with { Roll = 18 * Math.Sin(w / 3), HeadPitch = -5 };
                // Folding at the hips: hip flexion follows the trunk so the legs stay upright.
                var folded = stand.WithArms(new ArmAngles(20, 8, 20, 6)).WithLegs(new LegAngles(95, 3, 4, 0)) with { Pitch = 95, HeadPitch = 10 };
                return BodyAngles.Lerp(overhead, folded, fold);
            }
            case IdleActivity.Drinking:
            {
                double sip = Sips(t, duration);
                var down = stand with { Held = HeldProp.Bottle, RightArm = new ArmAngles(15, 10, 70, 5), HeadPitch = 5 };
                var up = down with { RightArm = new ArmAngles(70, 25, 160, -30), HeadPitch = -30, Pitch = -4 };
                return BodyAngles.Lerp(down, up, sip);
            }
            default:
            {
                // Bent over on bent knees (thighs 20 degrees forward of upright), hands working at something on the floor in front.
                double s = Math.Sin(w / 2.5);
                double pitch = 62 + 6 * s;
                return stand with
                {
                    Pitch = pitch, HeadPitch = 5,
                    LeftLeg = new LegAngles(pitch + 20, 10, 40, -20), RightLeg = new LegAngles(pitch + 20, 10, 40, -20),
                    LeftArm = new ArmAngles(75 + 10 * s, 12, 70 + 15 * s, 8), RightArm = new ArmAngles(70 - 10 * s, 12, 60 - 15 * s, 8),
                };
            }
        }
    }

    /// <summary>
    /// How far the bottle is raised, 0 to 1, <paramref name="t"/> seconds into a rest of
    /// <paramref name="duration"/>: one sip a third of the way in, a second two thirds in when the rest
    /// is long enough, each about 1 s up, 1.5 s at the mouth and 1 s down. People drink once or
    /// twice in a rest; a steady rhythm of arm raises is what a set of curls is.
    /// </summary>
    internal static double Sips(double t, double duration)
    {
        const double up = 1.0, hold = 1.5, down = 1.0, length = up + hold + down;
        double rest = Math.Max(duration, length);
        double raised = 0;
        foreach (double at in rest >= 3 * length ? new[] { rest / 3 - length / 2, 2 * rest / 3 - length / 2 } : [Math.Max(0, rest / 2 - length / 2)])
        {
            double into = t - at;
            raised = Math.Max(raised, Math.Clamp(Math.Min(into / up, (length - into) / down), 0, 1));
        }
        return raised * raised * (3 - 2 * raised);
    }

    /// <summary>A walking stride in place, <paramref name="t"/> seconds in; callers move the feet anchor along.</summary>
    private BodyAngles Gait(double t)
    {
        double w = 2 * Math.PI * t / CycleSeconds, s = Math.Sin(w), c = Math.Cos(w);
        return BodyAngles.Standing with
        {
            Pitch = 3,
            LeftLeg = new LegAngles(25 * s, 3, 10 + 30 * Math.Max(0, c), 0),
            RightLeg = new LegAngles(-25 * s, 3, 10 + 30 * Math.Max(0, -c), 0),
            LeftArm = new ArmAngles(-20 * s, 8, -20 * s + 15, 8), RightArm = new ArmAngles(20 * s, 8, 20 * s + 15, 8),
        };
    }
}
