using LiveWorkout.Core.Pose;
using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// The pose stage: body landmarks of one person per frame of a video. The person is found by the
/// detector (or, without one, by the landmark model on the whole frame) and then followed from
/// frame to frame through the rotated crop that the previous landmarks place; the detector runs
/// again when the person is lost and every <see cref="RedetectSeconds"/>, so a wrong first crop
/// does not persist. With several people in view it keeps the largest, most central one.
/// One instance per video and thread.
/// </summary>
public sealed class PoseEstimator : IDisposable
{
    private readonly PoseLandmarkModel _landmarks;
    private readonly PoseDetector? _detector;
    private PoseCrop? _track;
    private double _lastDetection = double.NegativeInfinity;

    /// <param name="detector">The person detector, or null to start from the whole frame.</param>
    public PoseEstimator(PoseLandmarkModel landmarks, PoseDetector? detector)
    {
        _landmarks = landmarks;
        _detector = detector;
    }

    /// <summary>Seconds between detector runs while a person is tracked.</summary>
    public double RedetectSeconds { get; init; } = 4;

    /// <summary>The crop the next frame will be looked at through, or null when nobody is tracked.</summary>
    public PoseCrop? Track => _track;

    /// <summary>Whether a detector finds people (without one, the whole frame is the first crop).</summary>
    public bool HasDetector => _detector is not null;

    /// <summary>Writes the <see cref="PoseFrame"/> of <paramref name="bgr"/> at <paramref name="seconds"/> into <paramref name="frame"/>; returns the presence.</summary>
    public float Estimate(Mat bgr, double seconds, Span<float> frame)
    {
        if (_track is { } tracked && seconds - _lastDetection >= RedetectSeconds && _detector is not null)
        {
            // A detection far from the tracked body means the track went astray (or someone else is in front).
            _lastDetection = seconds;
            if (Find(bgr) is { } detected && Distance(detected.Center, tracked.Center) > 0.35f * tracked.Side) _track = detected;
        }
        if (_track is { } crop)
        {
            float presence = Follow(bgr, crop, frame);
            if (presence >= LandmarkFeatures.PresenceThreshold) return presence;
        }
        // Nobody tracked, or the person was lost: look for them in the whole frame.
        _lastDetection = seconds;
        var start = _detector is null ? PoseCrop.WholeFrame(bgr.Width, bgr.Height) : Find(bgr);
        if (start is null)
        {
            _track = null;
            PoseFrame.SetEmpty(frame, bgr.Width, bgr.Height);
            return 0;
        }
        float found = Follow(bgr, start.Value, frame);
        if (found >= LandmarkFeatures.PresenceThreshold) return found;
        _track = null;
        PoseFrame.SetEmpty(frame, bgr.Width, bgr.Height);
        return 0;
    }

    /// <summary>Forgets the tracked person (a new video starts).</summary>
    public void Reset()
    {
        _track = null;
        _lastDetection = double.NegativeInfinity;
    }

    private float Follow(Mat bgr, PoseCrop crop, Span<float> frame)
    {
        float presence = _landmarks.Run(bgr, crop, frame, out var center, out var scalePoint);
        var next = PoseCrop.FromAlignment(center, scalePoint);
        _track = next.Side >= 8 ? next : null;
        return presence;
    }

    /// <summary>The crop of the detector's choice of person: the largest, most central of those found.</summary>
    private PoseCrop? Find(Mat bgr)
    {
        var detections = _detector!.Detect(bgr);
        if (detections.Count == 0) return null;
        var centre = new Point2f(bgr.Width / 2f, bgr.Height / 2f);
        float diagonal = MathF.Sqrt(bgr.Width * bgr.Width + bgr.Height * bgr.Height);
        var best = detections.MaxBy(d =>
        {
            float size = Distance(d.HipCenter, d.ScalePoint);
            return size * (1 - 0.5f * Distance(d.HipCenter, centre) / diagonal);
        });
        return PoseCrop.FromAlignment(best.HipCenter, best.ScalePoint);
    }

    private static float Distance(Point2f a, Point2f b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    public void Dispose()
    {
        _landmarks.Dispose();
        _detector?.Dispose();
    }
}
