namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// Leg angles that put an ankle at a point, found in the side plane by two-bone IK with the knee
/// bending forward. Positions are in thigh lengths (the shin is as long), so one set of numbers
/// plants a foot for every body size; lunges use it to keep feet still while the hips move.
/// </summary>
internal static class LegReach
{
    private const double Deg = 180 / Math.PI;

    /// <summary>
    /// The leg from a hip at (<paramref name="hipZ"/>, <paramref name="hipY"/>) to an ankle at
    /// (<paramref name="ankleZ"/>, <paramref name="ankleY"/>), z forward and y up, for a trunk at
    /// <paramref name="pitch"/>; the foot points <paramref name="footAngle"/> degrees from straight
    /// down (90 = flat on the floor, less = toes down and heel up). Abduction other than 0 moves the
    /// ankle sideways as the knee bends.
    /// </summary>
    public static LegAngles To(double hipZ, double hipY, double ankleZ, double ankleY, double pitch, double footAngle, double abduction = 0)
    {
        double dz = ankleZ - hipZ, dy = ankleY - hipY;
        double reach = Math.Clamp(Math.Sqrt(dz * dz + dy * dy), 0.05, 1.998);
        double direction = Math.Atan2(dz, -dy) * Deg;
        double bend = Math.Acos(reach / 2) * Deg;
        double thigh = direction + bend, shin = direction - bend;
        return new LegAngles(thigh + pitch, abduction, 2 * bend, shin + 90 - footAngle);
    }
}
