namespace LiveWorkout.Synthetic;

/// <summary>What the camera does to a frame: sensor noise (sigma in grey levels), blur, JPEG quality (0 = none).</summary>
public sealed record EffectSettings(double NoiseSigma, BlurKind Blur, int BlurSize, int JpegQuality)
{
    public static EffectSettings None => new(0, BlurKind.None, 0, 0);

    public static EffectSettings Random(Random rng)
    {
        double noise = rng.NextDouble() < 0.7 ? rng.NextDouble() * 9 : 0;
        double u = rng.NextDouble();
        var blur = u < 0.12 ? BlurKind.MotionHorizontal : u < 0.2 ? BlurKind.MotionVertical : u < 0.3 ? BlurKind.Defocus : BlurKind.None;
        int jpeg = rng.NextDouble() < 0.35 ? 20 + rng.Next(55) : 0;
        return new EffectSettings(noise, blur, 3 + 2 * rng.Next(3), jpeg);
    }
}
