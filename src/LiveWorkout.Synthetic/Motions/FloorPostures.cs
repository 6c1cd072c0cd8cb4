namespace LiveWorkout.Synthetic.Motions;

/// <summary>Postures several floor exercises pass through.</summary>
public static class FloorPostures
{
    /// <summary>Squatting down with the hands towards the floor.</summary>
    public static BodyAngles Crouch => BodyAngles.Standing with
    {
        Pitch = 45, HeadPitch = -20,
        LeftLeg = new LegAngles(115, 12, 125, -25), RightLeg = new LegAngles(115, 12, 125, -25),
        LeftArm = new ArmAngles(95, 10, 95, 10), RightArm = new ArmAngles(95, 10, 95, 10),
    };

    /// <summary>Sitting on the floor, knees up.</summary>
    public static BodyAngles Seated => BodyAngles.Standing with
    {
        Pitch = -15,
        LeftLeg = new LegAngles(120, 6, 100, 35), RightLeg = new LegAngles(120, 6, 100, 35),
        LeftArm = new ArmAngles(30, 15, 60, 10), RightArm = new ArmAngles(30, 15, 60, 10),
    };
}
