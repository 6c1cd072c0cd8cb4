namespace LiveWorkout.Synthetic;

/// <summary>
/// One arm in the upper trunk's frame, in degrees. Flexion swings a segment from hanging down
/// (0) through forward (90) to overhead (180); abduction swings it out to the side (90 = horizontal,
/// 180 = overhead, negative = across the body). Both segments are given directly so elbows can bend any way.
/// </summary>
public readonly record struct ArmAngles(double UpperFlexion, double UpperAbduction, double ForearmFlexion, double ForearmAbduction)
{
    public static ArmAngles Hanging => new(0, 8, 5, 8);

    public static ArmAngles Lerp(ArmAngles a, ArmAngles b, double t) => new(
        L(a.UpperFlexion, b.UpperFlexion, t), L(a.UpperAbduction, b.UpperAbduction, t),
        L(a.ForearmFlexion, b.ForearmFlexion, t), L(a.ForearmAbduction, b.ForearmAbduction, t));

    private static double L(double a, double b, double t) => a + (b - a) * t;
}
