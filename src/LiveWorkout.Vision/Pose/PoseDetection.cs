using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// A person found by <see cref="PoseDetector"/>, in frame pixels: the detector's confidence (0..1),
/// the body's box, and two keypoints that fix the landmark stage's crop: the hip centre and a scale
/// point whose distance from it gives the body's size and whose direction from it is "up".
/// </summary>
public readonly record struct PoseDetection(float Score, Rect2f Box, Point2f HipCenter, Point2f ScalePoint)
{
    /// <summary>The same detection in a frame where the one it was found in starts at (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public PoseDetection Shifted(float dx, float dy) => this with
    {
        Box = new Rect2f(Box.X + dx, Box.Y + dy, Box.Width, Box.Height),
        HipCenter = new Point2f(HipCenter.X + dx, HipCenter.Y + dy),
        ScalePoint = new Point2f(ScalePoint.X + dx, ScalePoint.Y + dy),
    };
}
