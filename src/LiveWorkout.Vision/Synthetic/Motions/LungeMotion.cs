namespace LiveWorkout.Vision.Synthetic.Motions;

/// <summary>Forward lunge, hands on hips, legs alternating per rep; the hips are lowest mid-rep.</summary>
public sealed class LungeMotion : KeyPoseMotion
{
    public override string Exercise => "lunge";
    public override double CycleSeconds => 2.4;

    private static readonly ArmAngles HandsOnHips = new(-10, 40, 10, -55);

    public override BodyAngles Start => BodyAngles.Standing.WithArms(HandsOnHips);

    protected override BodyAngles Extreme(int rep)
    {
        var front = new LegAngles(92, 6, 95, -5);
        var back = new LegAngles(-28, 6, 110, -45);
        return Start with
        {
            Pitch = 4, HeadPitch = -4,
            LeftLeg = rep % 2 == 0 ? front : back,
            RightLeg = rep % 2 == 0 ? back : front,
        };
    }
}
