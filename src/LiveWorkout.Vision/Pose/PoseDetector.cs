using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>A person found by the detector, in frame pixels.</summary>
public readonly record struct PoseDetection(float Score, Rect2f Box, Point2f HipCenter, Point2f ScalePoint);

/// <summary>MediaPipe's BlazePose person detector (placeholder until the rewrite lands).</summary>
public sealed class PoseDetector : IDisposable
{
    public static PoseDetector Load(string detectorPath) => throw new NotSupportedException(detectorPath);

    public IReadOnlyList<PoseDetection> Detect(Mat bgrFrame) => [];

    public void Dispose() { }
}
