using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>
/// One synthetic person: body size and proportions, girth, skin and clothing colours (BGR).
/// Segment lengths are fractions of <see cref="Height"/> from anthropometric tables, scaled per person.
/// </summary>
public sealed record SyntheticPerson(
    double Height, double LimbScale, double TorsoScale, double Girth,
    Scalar Skin, Scalar Hair, Scalar Shirt, Scalar Legwear, Scalar Shoes,
    bool LongSleeves, bool LongPants, bool ShortHair)
{
    public double Torso => 0.30 * Height * TorsoScale;
    public double NeckToHead => 0.095 * Height;
    public double HeadRadius => 0.062 * Height;
    public double ShoulderHalfWidth => 0.11 * Height * (0.85 + 0.15 * Girth);
    public double HipHalfWidth => 0.052 * Height * (0.85 + 0.15 * Girth);
    public double UpperArm => 0.17 * Height * LimbScale;
    public double Forearm => 0.15 * Height * LimbScale;
    public double Thigh => 0.245 * Height * LimbScale;
    public double Shank => 0.245 * Height * LimbScale;
    public double FootLength => 0.10 * Height;
    public double ArmReach => UpperArm + Forearm;

    // Capsule radii, metres.
    public double ChestRadius => 0.068 * Height * Girth;
    public double WaistRadius => 0.062 * Height * Girth;
    public double UpperArmRadius => 0.025 * Height * Girth;
    public double ForearmRadius => 0.020 * Height * Girth;
    public double ThighRadius => 0.040 * Height * Girth;
    public double ShankRadius => 0.029 * Height * Girth;
    public double HandRadius => 0.024 * Height;
    public double FootRadius => 0.022 * Height;

    /// <summary>Pelvis height when sitting on a bench with the thighs level and the shins upright: a seat at knee height.</summary>
    public double SeatHeight => AnkleHeight + Shank + HipDrop;
    /// <summary>Height of parallel dip bars: a little above the hips, so the feet clear the floor with the knees bent.</summary>
    public double DipBarHeight => AnkleHeight + Shank + Thigh + HipDrop + 0.14 * Height;
    /// <summary>Height of a pull-up bar this person hangs from with straight arms, feet just off the floor.</summary>
    public double BarHeight => AnkleHeight + Thigh + Shank + HipDrop + Torso - ShoulderDrop + ArmReach + HandRadius + 0.06;

    public double AnkleHeight => 0.04 * Height;
    /// <summary>Hip joints sit this far below the pelvis centre; shoulders this far below the neck.</summary>
    public double HipDrop => 0.02 * Height;
    public double ShoulderDrop => 0.03 * Height;

    private static readonly Scalar[] SkinTones =
    [
        new(205, 220, 245), new(170, 195, 235), new(140, 175, 215), new(110, 145, 195),
        new(80, 115, 160), new(60, 85, 125), new(45, 60, 95), new(150, 185, 225),
    ];

    private static readonly Scalar[] HairColours = [new(20, 20, 25), new(30, 45, 70), new(40, 80, 130), new(90, 140, 190), new(150, 150, 155)];

    public static SyntheticPerson Random(Random rng)
    {
        Scalar skin = Jitter(SkinTones[rng.Next(SkinTones.Length)], rng, 12);
        return new SyntheticPerson(
            Height: 1.50 + rng.NextDouble() * 0.45,
            LimbScale: 0.94 + rng.NextDouble() * 0.12,
            TorsoScale: 0.93 + rng.NextDouble() * 0.14,
            Girth: 0.8 + rng.NextDouble() * 0.55,
            Skin: skin,
            Hair: Jitter(HairColours[rng.Next(HairColours.Length)], rng, 10),
            Shirt: ClothingColour(rng),
            Legwear: ClothingColour(rng),
            Shoes: ClothingColour(rng),
            LongSleeves: rng.NextDouble() < 0.3,
            LongPants: rng.NextDouble() < 0.5,
            ShortHair: rng.NextDouble() < 0.6);
    }

    /// <summary>Sportswear: mostly saturated or dark colours, sometimes white or grey.</summary>
    private static Scalar ClothingColour(Random rng)
    {
        double kind = rng.NextDouble();
        if (kind < 0.2) { double v = 20 + rng.NextDouble() * 50; return new Scalar(v, v, v); }
        if (kind < 0.3) { double v = 190 + rng.NextDouble() * 60; return new Scalar(v, v, v); }
        double hue = rng.NextDouble() * 6, sat = 0.4 + rng.NextDouble() * 0.6, val = 80 + rng.NextDouble() * 170;
        double c = val * sat, x = c * (1 - Math.Abs(hue % 2 - 1)), m = val - c;
        (double r, double g, double b) = (int)hue switch
        {
            0 => (c, x, 0.0), 1 => (x, c, 0.0), 2 => (0.0, c, x), 3 => (0.0, x, c), 4 => (x, 0.0, c), _ => (c, 0.0, x),
        };
        return new Scalar(b + m, g + m, r + m);
    }

    private static Scalar Jitter(Scalar c, Random rng, double amount) =>
        new(Clamp(c.Val0 + (rng.NextDouble() - 0.5) * amount), Clamp(c.Val1 + (rng.NextDouble() - 0.5) * amount), Clamp(c.Val2 + (rng.NextDouble() - 0.5) * amount));

    private static double Clamp(double v) => Math.Clamp(v, 0, 255);
}
