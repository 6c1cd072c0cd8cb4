using LiveWorkout.Core.Pose;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// The front end of a landmark model: runs the pose stage on the frames at least
/// <paramref name="intervalSeconds"/> of media time apart (the others keep the last landmarks, and
/// carry on a search for the person) and writes each frame's <see cref="PoseFrame"/>; keeps the
/// latest one for the overlay to draw.
/// </summary>
public sealed class PoseFrontEnd(PoseEstimator estimator, double intervalSeconds = 0) : IFrameFrontEnd
{
    private readonly float[] _latest = new float[PoseFrame.Length];
    private readonly Lock _gate = new();
    private TimeSpan? _lastRun;

    /// <summary>Frames given new landmarks (the others reused the landmarks before them).</summary>
    public long PoseRuns { get; private set; }

    public int Length => PoseFrame.Length;

    /// <summary>The box around the last frame's landmarks (null when nobody was found).</summary>
    public Rect? Region { get; private set; }

    public void ProcessInSequence(Mat frame, TimeSpan time, Span<float> destination)
    {
        if (frame.Empty()) throw new Core.SourceUnavailableException("empty frame: the image could not be decoded");
        // A little slack: frames of a 30 fps source 0.1 s apart are 0.0999... s apart in doubles.
        bool due = !(_lastRun is { } last && time >= last && (time - last).TotalSeconds < intervalSeconds - 1e-3);
        // Frames between runs carry on any search or check the pose stage has under way, one model run each.
        if (estimator.Step(frame, time.TotalSeconds, due, destination) is null)
        {
            lock (_gate) _latest.CopyTo(destination);
            return;
        }
        _lastRun = time;
        PoseRuns++;
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
