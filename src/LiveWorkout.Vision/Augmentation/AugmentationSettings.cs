using LiveWorkout.Core;

namespace LiveWorkout.Vision.Augmentation;

/// <summary>
/// Random changes applied to a training image, Keras ImageDataGenerator style: ranges are
/// maxima, each image draws its own values. Rotation is in degrees; shifts are fractions of
/// width/height; shear is the slope x' = x + shear*y; zoom, brightness and contrast are
/// +- fractions (brightness of full scale).
/// </summary>
public sealed record AugmentationSettings(
    bool HorizontalFlip = false,
    double GrayscaleProbability = 0,
    double RotationDegrees = 0,
    double WidthShift = 0,
    double HeightShift = 0,
    double Shear = 0,
    double Zoom = 0,
    double Brightness = 0,
    double Contrast = 0)
{
    public static AugmentationSettings None { get; } = new();

    /// <summary>Seed 1: random horizontal flip (its resize and grayscale are the model's input spec).</summary>
    public static AugmentationSettings Seed1 { get; } = new(HorizontalFlip: true);

    /// <summary>Seed 2's ImageDataGenerator: rotation 5, shifts 0.1, shear 0.1, zoom 0.2, flip, fill nearest.</summary>
    public static AugmentationSettings Seed2 { get; } = new(HorizontalFlip: true, RotationDegrees: 5, WidthShift: 0.1, HeightShift: 0.1, Shear: 0.1, Zoom: 0.2);

    /// <summary>Seed 2's geometry plus lighting changes and occasional grayscale, for cameras that differ from the training data.</summary>
    public static AugmentationSettings Full { get; } = Seed2 with { Brightness = 0.25, Contrast = 0.25, GrayscaleProbability = 0.1 };

    public bool IsIdentity => this == None;

    /// <summary>The preset called none, seed1, seed2 or full.</summary>
    public static AugmentationSettings Named(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "none" => None,
        "seed1" => Seed1,
        "seed2" => Seed2,
        "full" => Full,
        _ => throw new InvalidInputException($"unknown augmentation '{name}': use none, seed1, seed2 or full"),
    };
}
