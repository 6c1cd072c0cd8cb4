namespace LiveWorkout.Synthetic;

/// <summary>
/// One arm in the upper trunk's frame, in degrees. Flexion swings a segment from hanging down
/// (0) through forward (90) to overhead (180); abduction swings it out to the side (90 = horizontal,
/// 180 = overhead, negative = across the body). Both segments are given directly so elbows can bend any way.
/// </summary>
public readonly record struct ArmAngles(double UpperFlexion, double UpperAbduction, double ForearmFlexion, double ForearmAbduction)
{
    public static ArmAngles Hanging => new(0, 8, 5, 8);
    /// <summary>Hands laced behind the head, elbows out to the sides (prisoner squats and lunges, some sit-ups).</summary>
    public static ArmAngles BehindHead => new(40, 126, -36, -102);
    /// <summary>Hand resting on the hip, elbow out to the side (lunges, idle).</summary>
    public static ArmAngles OnHip => new(-10, 40, 10, -55);
    /// <summary>Hands on a barbell across the upper back: elbows bent back and down.</summary>
    public static ArmAngles BarOnBack => new(-15, 55, -20, 170);

    public static ArmAngles Lerp(ArmAngles a, ArmAngles b, double t) => new(
        L(a.UpperFlexion, b.UpperFlexion, t), L(a.UpperAbduction, b.UpperAbduction, t),
        L(a.ForearmFlexion, b.ForearmFlexion, t), L(a.ForearmAbduction, b.ForearmAbduction, t));

    /// <summary>
    /// The arm whose upper arm and forearm point along two directions in the body's own frame (x out
    /// from the arm's side, y up, z the way the hips face), for an upper trunk at
    /// <paramref name="trunkPitch"/> degrees: a way to author arms by where they point in the room
    /// (a press straight up from a bench) rather than by angles to the trunk.
    /// </summary>
    public static ArmAngles Pointing(Vec3 upper, Vec3 forearm, double trunkPitch)
    {
        var (upperFlexion, upperAbduction) = Angles(upper, trunkPitch);
        var (forearmFlexion, forearmAbduction) = Angles(forearm, trunkPitch);
        return new(upperFlexion, upperAbduction, forearmFlexion, forearmAbduction);
    }

    /// <summary>The inverse of the solver's segment direction: flexion from the forward component, abduction from the sideways and downward ones.</summary>
    private static (double Flexion, double Abduction) Angles(Vec3 direction, double trunkPitch)
    {
        const double Deg = 180 / Math.PI;
        var d = direction.Normalized().RotateX(-trunkPitch / Deg);
        return (Math.Asin(Math.Clamp(d.Z, -1, 1)) * Deg, Math.Atan2(d.X, -d.Y) * Deg);
    }

    private static double L(double a, double b, double t) => a + (b - a) * t;
}
