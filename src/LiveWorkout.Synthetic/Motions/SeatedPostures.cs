namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Sitting on a bench with the feet on the floor: the shins stand upright, so the solver's floor
/// contact puts the pelvis at bench height (motions say which <see cref="Equipment"/> is drawn under it).
/// </summary>
public static class SeatedPostures
{
    /// <summary>Legs of someone sitting with the trunk at <paramref name="pitch"/>: thighs <paramref name="thigh"/> degrees from hanging (90 = level), shins upright, knees a little apart.</summary>
    public static LegAngles Legs(double pitch, double thigh = 88) => new(thigh + pitch, 10, thigh, 0);

    /// <summary>Standing's arms on a body sitting with the trunk at <paramref name="pitch"/> (see <see cref="Legs"/>).</summary>
    public static BodyAngles Sitting(double pitch, double thigh = 88) => BodyAngles.Standing.WithLegs(Legs(pitch, thigh)) with { Pitch = pitch };

    /// <summary>Halfway down to the bench, leaning forward as people do when they sit (the seat is drawn once they are on it).</summary>
    public static BodyAngles SittingDown(BodyAngles seated) => seated with
    {
        Pitch = 28, SpineCurl = 0, HeadPitch = -10, Equipment = Equipment.None,
        LeftLeg = new LegAngles(78, 8, 70, -20), RightLeg = new LegAngles(78, 8, 70, -20),
    };
}
