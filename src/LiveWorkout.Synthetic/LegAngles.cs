namespace LiveWorkout.Synthetic;

/// <summary>One leg in the pelvis frame, in degrees: hip flexion/abduction as for arms, knee flexion (0 = straight), ankle (0 = foot at right angles to the shin, positive = toes pointed).</summary>
public readonly record struct LegAngles(double HipFlexion, double HipAbduction, double Knee, double Ankle)
{
    public static LegAngles Standing => new(0, 3, 2, 0);

    public static LegAngles Lerp(LegAngles a, LegAngles b, double t) => new(
        a.HipFlexion + (b.HipFlexion - a.HipFlexion) * t, a.HipAbduction + (b.HipAbduction - a.HipAbduction) * t,
        a.Knee + (b.Knee - a.Knee) * t, a.Ankle + (b.Ankle - a.Ankle) * t);
}
