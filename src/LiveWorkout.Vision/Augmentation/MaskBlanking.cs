using LiveWorkout.Core.Imaging;
using OpenCvSharp;

namespace LiveWorkout.Vision.Augmentation;

/// <summary>Blanks a <see cref="MaskRegion"/> (fractions of the frame) in place, e.g. a burned-in caption.</summary>
public static class MaskBlanking
{
    public static void Apply(Mat image, IReadOnlyList<MaskRegion>? masks)
    {
        foreach (var mask in masks ?? []) Apply(image, mask);
    }

    public static void Apply(Mat image, MaskRegion mask)
    {
        int x0 = Math.Clamp((int)Math.Floor(mask.X * image.Width), 0, image.Width);
        int y0 = Math.Clamp((int)Math.Floor(mask.Y * image.Height), 0, image.Height);
        int x1 = Math.Clamp((int)Math.Ceiling((mask.X + mask.Width) * image.Width), 0, image.Width);
        int y1 = Math.Clamp((int)Math.Ceiling((mask.Y + mask.Height) * image.Height), 0, image.Height);
        if (x1 <= x0 || y1 <= y0) return;
        using var roi = new Mat(image, new Rect(x0, y0, x1 - x0, y1 - y0));
        roi.SetTo(Scalar.All(0));
    }
}
