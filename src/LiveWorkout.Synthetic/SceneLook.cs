using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// The light of a scene: brightness, contrast and colour cast, baked into every colour when it is
/// drawn (no per-frame pass), and the direction light comes from for shading.
/// </summary>
public sealed record SceneLook(double Brightness, double Contrast, double CastB, double CastG, double CastR, double LightX, double LightY)
{
    public static SceneLook Neutral => new(0, 1, 1, 1, 1, -0.5, -0.85);

    public static SceneLook Random(Random rng)
    {
        double angle = -Math.PI / 2 + (rng.NextDouble() - 0.5) * 2.2; // mostly from above
        double warm = (rng.NextDouble() - 0.5) * 0.3, tint = (rng.NextDouble() - 0.5) * 0.12;
        return new SceneLook(
            Brightness: (rng.NextDouble() - 0.5) * 70,
            Contrast: 0.65 + rng.NextDouble() * 0.55,
            CastB: 1 - warm + tint, CastG: 1 - tint, CastR: 1 + warm + tint,
            LightX: Math.Cos(angle), LightY: Math.Sin(angle));
    }

    /// <summary>A colour as it appears in this light, darkened by <paramref name="shade"/> (1 = fully lit).</summary>
    public Scalar Tone(Scalar c, double shade = 1) => new(
        Channel(c.Val0 * CastB * shade), Channel(c.Val1 * CastG * shade), Channel(c.Val2 * CastR * shade));

    private double Channel(double v) => Math.Clamp((v - 128) * Contrast + 128 + Brightness, 0, 255);
}
