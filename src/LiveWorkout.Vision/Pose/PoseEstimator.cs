using LiveWorkout.Core.Pose;
using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// The pose stage: body landmarks of one person per frame of a video. The person is found by the
/// detector (or, without one, by the landmark model on the whole frame) and then followed from
/// frame to frame through the rotated crop that the previous landmarks place; the detector runs
/// again when the person is lost and every <see cref="RedetectSeconds"/>, so a wrong first crop
/// does not persist. With several people in view it keeps the largest, most central one whose
/// landmarks show a person: the largest detection may be a poster, or the blurred, enlarged copy
/// of the video that phone apps pad a clip of another shape with. In a tall or wide frame the
/// detector also looks, at most every <see cref="CloserLookSeconds"/>, at squares along the frame's
/// long side, where a person small in the whole frame is as large as the detector needs. Where
/// nobody is found at all, the detector also looks at one tile of the frame at about twice the size
/// every <see cref="TileLookSeconds"/>, in turn from the centre out, so a person far from the
/// camera is found within a few seconds.
/// One instance per video and thread.
/// </summary>
public sealed class PoseEstimator : IDisposable
{
    private readonly PoseLandmarkModel _landmarks;
    private readonly PoseDetector? _detector;
    private PoseCrop? _track;
    private double _lastDetection = double.NegativeInfinity;
    private double _lastCloserLook = double.NegativeInfinity;
    private double _lastTileLook = double.NegativeInfinity;
    private readonly List<PoseDetection> _found = [];
    private Rect[] _tiles = [];
    private Size _tilesOf;
    private int _nextTile;

    /// <param name="detector">The person detector, or null to start from the whole frame.</param>
    public PoseEstimator(PoseLandmarkModel landmarks, PoseDetector? detector)
    {
        _landmarks = landmarks;
        _detector = detector;
    }

    /// <summary>Seconds between detector runs while a person is tracked.</summary>
    public double RedetectSeconds { get; init; } = 4;

    /// <summary>Seconds between looks at the squares of a tall or wide frame in which nobody was found.</summary>
    private const double CloserLookSeconds = 1;

    /// <summary>A frame this much longer than wide (or wider than long) is also looked at in squares.</summary>
    private const double SquaresFromAspect = 1.5;

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
            Gather(bgr, seconds);
            if (_found.Count > 0)
            {
                var detected = PoseCrop.FromAlignment(_found[0].HipCenter, _found[0].ScalePoint);
                if (Distance(detected.Center, tracked.Center) > 0.35f * tracked.Side) _track = detected;
            }
        }
        if (_track is { } crop)
        {
            float presence = Follow(bgr, crop, frame);
            if (presence >= LandmarkFeatures.PresenceThreshold) return presence;
        }
        // Nobody tracked, or the person was lost: look for them in the whole frame (then its squares and tiles).
        _lastDetection = seconds;
        float found = 0;
        if (_detector is null) found = Follow(bgr, PoseCrop.WholeFrame(bgr.Width, bgr.Height), frame);
        else
        {
            Gather(bgr, seconds);
            found = FollowFound(bgr, frame);
            if (found < LandmarkFeatures.PresenceThreshold && seconds - _lastTileLook >= TileLookSeconds)
            {
                _lastTileLook = seconds;
                found = FindInNextTile(bgr, frame);
            }
        }
        if (found >= LandmarkFeatures.PresenceThreshold) return found;
        _track = null;
        PoseFrame.SetEmpty(frame, bgr.Width, bgr.Height);
        return 0;
    }

    /// <summary>
    /// Fills <see cref="_found"/> with the people the detector finds in the whole frame and, in a
    /// tall or wide frame at most every <see cref="CloserLookSeconds"/>, in its squares; best first.
    /// </summary>
    private void Gather(Mat bgr, double seconds)
    {
        _found.Clear();
        _found.AddRange(_detector!.Detect(bgr));
        if (Math.Max(bgr.Width, bgr.Height) >= SquaresFromAspect * Math.Min(bgr.Width, bgr.Height) && seconds - _lastCloserLook >= CloserLookSeconds)
        {
            _lastCloserLook = seconds;
            FindInSquares(bgr);
        }
        SortBest(_found, bgr);
    }

    /// <summary>Forgets the tracked person (a new video starts).</summary>
    public void Reset()
    {
        _track = null;
        _lastDetection = double.NegativeInfinity;
        _lastCloserLook = double.NegativeInfinity;
        _nextTile = 0;
        _lastTileLook = double.NegativeInfinity;
    }

    private float Follow(Mat bgr, PoseCrop crop, Span<float> frame)
    {
        float presence = _landmarks.Run(bgr, crop, frame, out var center, out var scalePoint);
        var next = PoseCrop.FromAlignment(center, scalePoint);
        _track = next.Side >= 8 ? next : null;
        return presence;
    }

    /// <summary>Detections tried, best first, before the frame counts as empty.</summary>
    private const int MaxTries = 3;

    /// <summary>Follows the best of <see cref="_found"/> whose landmarks show a person; returns that presence, or 0 when none does.</summary>
    private float FollowFound(Mat bgr, Span<float> frame)
    {
        for (int i = 0; i < Math.Min(MaxTries, _found.Count); i++)
        {
            float presence = Follow(bgr, PoseCrop.FromAlignment(_found[i].HipCenter, _found[i].ScalePoint), frame);
            if (presence >= LandmarkFeatures.PresenceThreshold) return presence;
        }
        return 0;
    }

    /// <summary>Sorts detections best first: larger and more central people before smaller, off-centre ones.</summary>
    private static void SortBest(List<PoseDetection> detections, Mat bgr)
    {
        var centre = new Point2f(bgr.Width / 2f, bgr.Height / 2f);
        float diagonal = MathF.Sqrt(bgr.Width * bgr.Width + bgr.Height * bgr.Height);
        float Rank(PoseDetection d) => Distance(d.HipCenter, d.ScalePoint) * (1 - 0.5f * Distance(d.HipCenter, centre) / diagonal);
        detections.Sort((a, b) => Rank(b).CompareTo(Rank(a)));
    }

    /// <summary>Adds the people the detector finds in squares along a tall or wide frame's long side (overlapping by half or more; a 16:9 frame gives three), in frame pixels.</summary>
    private void FindInSquares(Mat bgr)
    {
        int side = Math.Min(bgr.Width, bgr.Height), length = Math.Max(bgr.Width, bgr.Height);
        bool tall = bgr.Height > bgr.Width;
        int steps = (int)Math.Ceiling((length - side) / (0.5 * side));
        for (int k = 0; k <= steps; k++)
        {
            int offset = (int)Math.Round((double)(length - side) * k / steps);
            DetectIn(bgr, tall ? new Rect(0, offset, side, side) : new Rect(offset, 0, side, side));
        }
    }

    /// <summary>Adds the people the detector finds in <paramref name="region"/> of the frame to <see cref="_found"/>, in frame pixels.</summary>
    private void DetectIn(Mat bgr, Rect region)
    {
        using var view = new Mat(bgr, region);
        foreach (var d in _detector!.Detect(view)) _found.Add(d.Shifted(region.X, region.Y));
    }

    /// <summary>Seconds between looks at a tile while nobody is found: an empty view costs a third more detector time, not twice as much.</summary>
    private const double TileLookSeconds = 0.3;

    /// <summary>A tile's side as a share of the frame's shorter side: a person a quarter of the frame's height fills half of it.</summary>
    private const double TileShare = 0.55;

    /// <summary>Looks for a person in the next tile of the frame (overlapping by half, centre first) and follows the best found; returns that presence, or 0.</summary>
    private float FindInNextTile(Mat bgr, Span<float> frame)
    {
        if (_tilesOf != bgr.Size())
        {
            _tiles = Tiles(bgr.Width, bgr.Height);
            _tilesOf = bgr.Size();
        }
        _found.Clear();
        DetectIn(bgr, _tiles[_nextTile++ % _tiles.Length]);
        SortBest(_found, bgr);
        return FollowFound(bgr, frame);
    }

    /// <summary>Square tiles of <see cref="TileShare"/> of the shorter side covering the frame, overlapping by half or more, nearest the centre first.</summary>
    internal static Rect[] Tiles(int width, int height)
    {
        int side = (int)Math.Round(TileShare * Math.Min(width, height));
        int[] Offsets(int length)
        {
            int steps = Math.Max(1, (int)Math.Ceiling((length - side) / (0.5 * side)));
            return [.. Enumerable.Range(0, steps + 1).Select(k => (int)Math.Round((double)(length - side) * k / steps)).Distinct()];
        }
        var tiles = from x in Offsets(width) from y in Offsets(height) select new Rect(x, y, side, side);
        double Off(Rect r) => Math.Pow(r.X + side / 2.0 - width / 2.0, 2) + Math.Pow(r.Y + side / 2.0 - height / 2.0, 2);
        return [.. tiles.OrderBy(Off).ThenBy(r => r.Y).ThenBy(r => r.X)];
    }

    private static float Distance(Point2f a, Point2f b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    public void Dispose()
    {
        _landmarks.Dispose();
        _detector?.Dispose();
    }
}
