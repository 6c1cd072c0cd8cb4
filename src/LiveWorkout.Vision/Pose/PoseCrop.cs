using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// A rotated square of a frame that the landmark model looks at: its centre and side in frame
/// pixels and its rotation (radians, positive turns the crop's "up" clockwise in the image), so a
/// body lying down is seen upright.
/// </summary>
public readonly record struct PoseCrop(Point2f Center, float Side, float Rotation)
{
    /// <summary>The square that holds the whole frame, unrotated (the frame letterboxed).</summary>
    public static PoseCrop WholeFrame(int width, int height) => new(new Point2f(width / 2f, height / 2f), Math.Max(width, height), 0);

    /// <summary>
    /// The crop BlazePose places from a body centre (hip centre) and a scale point: side 2.5 times
    /// their distance, rotated so the line from centre to scale point points up.
    /// </summary>
    public static PoseCrop FromAlignment(Point2f center, Point2f scalePoint)
    {
        float dx = scalePoint.X - center.X, dy = scalePoint.Y - center.Y;
        float side = 2.5f * MathF.Sqrt(dx * dx + dy * dy);
        float rotation = MathF.PI / 2 - MathF.Atan2(-dy, dx);
        return new PoseCrop(center, side, rotation);
    }

    /// <summary>Where a point of the crop (in pixels of a <paramref name="size"/> square) lies in the frame.</summary>
    public Point2f ToFrame(float u, float v, int size)
    {
        float x = (u / size - 0.5f) * Side, y = (v / size - 0.5f) * Side;
        float c = MathF.Cos(Rotation), s = MathF.Sin(Rotation);
        return new Point2f(Center.X + c * x - s * y, Center.Y + s * x + c * y);
    }

    /// <summary>The 2x3 affine matrix from crop pixels of a <paramref name="size"/> square to frame pixels (for WarpAffine with WarpInverseMap).</summary>
    public double[,] CropToFrame(int size)
    {
        double c = Math.Cos(Rotation), s = Math.Sin(Rotation), k = Side / size;
        var origin = ToFrame(0, 0, size);
        return new double[,] { { c * k, -s * k, origin.X }, { s * k, c * k, origin.Y } };
    }
}
