using OpenCvSharp;

namespace LiveWorkout.Vision.Augmentation;

/// <summary>
/// Applies <see cref="AugmentationSettings"/> to a BGR image before the model's
/// FramePreprocessor: one affine warp (rotation, shear, zoom, shift about the centre, border
/// replicated like Keras' fill_mode='nearest'), a flip, lighting and grayscale. All randomness
/// comes from the caller's <see cref="Random"/>, so a seeded sample is augmented the same way
/// every time. Keeps working Mats: one instance per thread.
/// </summary>
public sealed class ImageAugmenter(AugmentationSettings settings) : IDisposable
{
    private readonly Mat _warped = new();
    private readonly Mat _flipped = new();
    private readonly Mat _gray = new();

    public AugmentationSettings Settings => settings;

    /// <summary>Writes an augmented copy of <paramref name="source"/> (BGR, 8-bit) into <paramref name="destination"/>.</summary>
    public void Apply(Mat source, Mat destination, Random random)
    {
        // Draw every value up front, in a fixed order, so the sequence never depends on which steps are on.
        double angle = Uniform(random, settings.RotationDegrees);
        double shiftX = Uniform(random, settings.WidthShift) * source.Width;
        double shiftY = Uniform(random, settings.HeightShift) * source.Height;
        double shear = Uniform(random, settings.Shear);
        double zoomX = 1 + Uniform(random, settings.Zoom), zoomY = 1 + Uniform(random, settings.Zoom);
        bool flip = settings.HorizontalFlip && random.NextDouble() < 0.5;
        double brightness = Uniform(random, settings.Brightness);
        double contrast = 1 + Uniform(random, settings.Contrast);
        bool gray = random.NextDouble() < settings.GrayscaleProbability;

        Mat current = source;
        if (angle != 0 || shiftX != 0 || shiftY != 0 || shear != 0 || zoomX != 1 || zoomY != 1)
        {
            using var matrix = AffineAboutCentre(source.Size(), angle, shear, zoomX, zoomY, shiftX, shiftY);
            Cv2.WarpAffine(current, _warped, matrix, source.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
            current = _warped;
        }
        if (flip)
        {
            Cv2.Flip(current, _flipped, FlipMode.Y);
            current = _flipped;
        }
        if (gray && current.Channels() == 3)
        {
            Cv2.CvtColor(current, _gray, ColorConversionCodes.BGR2GRAY);
            Cv2.CvtColor(_gray, destination, ColorConversionCodes.GRAY2BGR);
            current = destination;
        }
        if (contrast != 1 || brightness != 0)
        {
            // Contrast about mid-grey, then a brightness offset: out = c*(in - 128) + 128 + 255*b.
            current.ConvertTo(destination, -1, contrast, 128 * (1 - contrast) + 255 * brightness);
            current = destination;
        }
        if (!ReferenceEquals(current, destination)) current.CopyTo(destination);
    }

    /// <summary>Keras' order: rotate, shear, zoom about the centre, then shift.</summary>
    private static Mat AffineAboutCentre(Size size, double degrees, double shear, double zoomX, double zoomY, double shiftX, double shiftY)
    {
        double t = degrees * Math.PI / 180, cos = Math.Cos(t), sin = Math.Sin(t);
        // M = R * S * Z (2x2), applied about the centre c: x' = M(x - c) + c + shift.
        double a = cos * zoomX, b = (cos * shear - sin) * zoomY;
        double c = sin * zoomX, d = (sin * shear + cos) * zoomY;
        double cx = size.Width / 2.0, cy = size.Height / 2.0;
        double tx = cx - a * cx - b * cy + shiftX, ty = cy - c * cx - d * cy + shiftY;
        var m = new Mat(2, 3, MatType.CV_64FC1);
        m.Set(0, 0, a); m.Set(0, 1, b); m.Set(0, 2, tx);
        m.Set(1, 0, c); m.Set(1, 1, d); m.Set(1, 2, ty);
        return m;
    }

    private static double Uniform(Random random, double range) => range == 0 ? 0 : (random.NextDouble() * 2 - 1) * range;

    public void Dispose()
    {
        _warped.Dispose();
        _flipped.Dispose();
        _gray.Dispose();
    }
}
