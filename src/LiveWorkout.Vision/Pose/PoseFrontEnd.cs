using LiveWorkout.Core.Pose;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// The front end of a landmark model: runs the pose stage on each frame and writes its
/// <see cref="PoseFrame"/>; keeps the latest one for the overlay to draw.
/// </summary>
public sealed class PoseFrontEnd(PoseEstimator estimator) : IFrameFrontEnd
{
    private readonly float[] _latest = new float[PoseFrame.Length];
    private readonly Lock _gate = new();

    public int Length => PoseFrame.Length;

    /// <summary>The box around the last frame's landmarks (null when nobody was found).</summary>
    public Rect? Region { get; private set; }

    public PoseEstimator Estimator => estimator;

    public void ProcessInSequence(Mat frame, TimeSpan time, Span<float> destination)
    {
        if (frame.Empty()) throw new Core.LiveWorkoutException("empty frame: the image could not be decoded");
        estimator.Estimate(frame, time.TotalSeconds, destination);
        lock (_gate) destination[..PoseFrame.Length].CopyTo(_latest);
        Region = PoseFrame.Presence(destination) >= LandmarkFeatures.PresenceThreshold ? Box(destination, frame.Size()) : null;
    }

    /// <summary>Copies the last frame's landmarks into <paramref name="destination"/> (any thread).</summary>
    public void CopyLatest(Span<float> destination)
    {
        lock (_gate) _latest.CopyTo(destination);
    }

    private static Rect Box(ReadOnlySpan<float> frame, Size size)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        for (int i = 0; i < PoseFrame.Landmarks; i++)
        {
            minX = MathF.Min(minX, PoseFrame.X(frame, i));
            maxX = MathF.Max(maxX, PoseFrame.X(frame, i));
            minY = MathF.Min(minY, PoseFrame.Y(frame, i));
            maxY = MathF.Max(maxY, PoseFrame.Y(frame, i));
        }
        var box = Rect.FromLTRB((int)minX, (int)minY, (int)MathF.Ceiling(maxX), (int)MathF.Ceiling(maxY));
        return box.Intersect(new Rect(0, 0, size.Width, size.Height));
    }

    public void Dispose() => estimator.Dispose();
}
