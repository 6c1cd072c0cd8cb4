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
/// of the video that phone apps pad a clip of another shape with. Someone who comes to rank above
/// the tracked person takes over only when a look a second later finds them in the same place, so
/// a passer-by near the camera does not take the track. In a tall or wide frame the
/// detector also looks, at most every <see cref="CloserLookSeconds"/>, at squares along the frame's
/// long side, where a person small in the whole frame is as large as the detector needs. Where
/// nobody is found at all, the detector also looks at one tile of the frame at about twice the size
/// every <see cref="TileLookSeconds"/>, in turn from the centre out, so a person far from the
/// camera is found within a few seconds.
/// <para>
/// The work is cut into model runs (the landmark model on one crop, or the detector on one region)
/// so that a live pipeline runs at most one per frame (<see cref="Step"/>): a search or a check
/// spreads over the next frames, and a frame never waits for several models. <see cref="Estimate"/>
/// does all of one frame's work at once.
/// </para>
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
    private PoseCrop? _challenger; // someone who ranked above the tracked person at the last check, to be confirmed
    private readonly List<PoseDetection> _found = [];
    private readonly Queue<Rect> _regions = new(); // detector runs still to do for the current search or check
    private readonly List<PoseCrop> _candidates = []; // crops still to try, best first, while nobody is tracked
    private bool _triedTile;
    private bool _regionsToQueue; // the detector's regions come once the look where the person was lost has failed
    private readonly float[] _held = new float[PoseFrame.Length];
    private double _heldAt = double.NegativeInfinity; // when the person was last found; never, until the video's first find
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

    /// <summary>
    /// Seconds a lost person's last landmarks stand for the frames after (in <see cref="Step"/>)
    /// while the search for them runs: the two or three frames it takes, not a person who left.
    /// </summary>
    public const double HoldSeconds = 0.3;

    /// <summary>How much wider than the crop that lost the person the first look for them is: fast limbs leave a tight crop.</summary>
    private const float RelookScale = 1.5f;

    /// <summary>Seconds a check of the tracked person may wait for spare frames before tracking frames do it.</summary>
    private const double OverdueSeconds = 0.5;

    /// <summary>Seconds between looks at the squares of a tall or wide frame in which nobody was found.</summary>
    private const double CloserLookSeconds = 1;

    /// <summary>A frame this much longer than wide (or wider than long) is also looked at in squares.</summary>
    private const double SquaresFromAspect = 1.5;

    /// <summary>The crop the next frame will be looked at through, or null when nobody is tracked.</summary>
    public PoseCrop? Track => _track;

    /// <summary>Whether a detector finds people (without one, the whole frame is the first crop).</summary>
    public bool HasDetector => _detector is not null;

    /// <summary>Model runs so far: the landmark model on a crop, or the detector on a region.</summary>
    public long ModelRuns { get; private set; }

    /// <summary>Whether a search or a check is under way, which <see cref="Step"/> goes on with in the next frames.</summary>
    public bool HasWork => _regions.Count > 0 || (_track is null && _candidates.Count > 0);

    /// <summary>
    /// Writes the <see cref="PoseFrame"/> of <paramref name="bgr"/> at <paramref name="seconds"/> into
    /// <paramref name="frame"/> with all the work the frame needs (tracking, any search for the person
    /// and any due check); returns the presence.
    /// </summary>
    public float Estimate(Mat bgr, double seconds, Span<float> frame)
    {
        bool found = StepOnce(bgr, seconds, due: true, frame, hold: false) >= LandmarkFeatures.PresenceThreshold;
        while (HasWork)
        {
            float? presence = StepOnce(bgr, seconds, due: false, frame, hold: false);
            found |= presence >= LandmarkFeatures.PresenceThreshold;
        }
        if (found) return PoseFrame.Presence(frame);
        PoseFrame.SetEmpty(frame, bgr.Width, bgr.Height);
        return 0;
    }

    /// <summary>
    /// One frame's share of the work, at most one model run (two only where a check is long overdue).
    /// Until the first person of the video is found, each frame due for landmarks does its whole
    /// search (<see cref="Estimate"/>): there are no landmarks yet to stand in, and a short clip
    /// would lose its first frames. A frame <paramref name="due"/> for landmarks always gets some written into
    /// <paramref name="frame"/>: this frame's when the person is tracked or found; while a search
    /// runs, the last ones found (when <paramref name="hold"/> and at most <see cref="HoldSeconds"/>
    /// old) or nobody. Another frame carries the search or check on, and gets landmarks only when it
    /// finds the person. Returns the presence written, or null when nothing was written (the caller
    /// keeps the last landmarks).
    /// </summary>
    public float? Step(Mat bgr, double seconds, bool due, Span<float> frame, bool hold = true) =>
        due && double.IsNegativeInfinity(_heldAt) ? Estimate(bgr, seconds, frame) : StepOnce(bgr, seconds, due, frame, hold);

    private float? StepOnce(Mat bgr, double seconds, bool due, Span<float> frame, bool hold)
    {
        // A check that no spare frame came for (a slow source) goes on here, before tracking.
        if (due && _track is not null && _regions.Count > 0 && seconds - _lastDetection >= OverdueSeconds) DetectNext(bgr, seconds);
        if (due && _track is { } crop)
        {
            float presence = Follow(bgr, crop, frame);
            if (presence >= LandmarkFeatures.PresenceThreshold) return Found(bgr, frame, seconds, presence);
            _track = null;
            StartSearch(bgr, seconds, relook: crop with { Side = RelookScale * crop.Side });
            return Held(bgr, frame, seconds, hold);
        }
        if (_regions.Count > 0)
        {
            DetectNext(bgr, seconds);
            return due ? Held(bgr, frame, seconds, hold) : null;
        }
        if (_track is null && _candidates.Count > 0)
        {
            var candidate = _candidates[0];
            _candidates.RemoveAt(0);
            float presence = Follow(bgr, candidate, frame);
            if (presence >= LandmarkFeatures.PresenceThreshold)
            {
                _candidates.Clear();
                _regionsToQueue = false;
                return Found(bgr, frame, seconds, presence);
            }
            _track = null;
            if (_candidates.Count == 0 && _regionsToQueue)
            {
                _regionsToQueue = false;
                QueueRegions(bgr, seconds);
            }
            else if (_candidates.Count == 0) LookFurther(bgr, seconds);
            return due ? Held(bgr, frame, seconds, hold) : null;
        }
        if (!due) return null;
        // Nobody tracked and no search under way: a new one, its first model run now.
        StartSearch(bgr, seconds);
        return StepOnce(bgr, seconds, due, frame, hold);
    }

    private float Found(Mat bgr, Span<float> frame, double seconds, float presence)
    {
        frame[..PoseFrame.Length].CopyTo(_held);
        _heldAt = seconds;
        if (_detector is not null && _regions.Count == 0 &&
            seconds - _lastDetection >= (_challenger is null ? RedetectSeconds : ConfirmSeconds))
        {
            // A detection far from the tracked body means the track went astray (or someone else is in front).
            _lastDetection = seconds;
            QueueRegions(bgr, seconds);
        }
        return presence;
    }

    /// <summary>A frame due for landmarks while the search runs: the last ones found, while recent, or nobody.</summary>
    private float Held(Mat bgr, Span<float> frame, double seconds, bool hold)
    {
        if (hold && seconds - _heldAt <= HoldSeconds)
        {
            _held.CopyTo(frame);
            return PoseFrame.Presence(frame);
        }
        PoseFrame.SetEmpty(frame, bgr.Width, bgr.Height);
        return 0;
    }

    /// <summary>
    /// Looks for the person: first, for a person just lost, a wider look where they were
    /// (<paramref name="relook"/>), then the detector's regions; without a detector, the whole frame.
    /// </summary>
    private void StartSearch(Mat bgr, double seconds, PoseCrop? relook = null)
    {
        _candidates.Clear();
        _triedTile = false;
        _regionsToQueue = false;
        if (_detector is null)
        {
            _candidates.Add(PoseCrop.WholeFrame(bgr.Width, bgr.Height));
            return;
        }
        if (_regions.Count > 0) return; // a check under way becomes the search
        _lastDetection = seconds;
        if (relook is { } wider)
        {
            _candidates.Add(wider);
            _regionsToQueue = true;
            return;
        }
        QueueRegions(bgr, seconds);
    }

    /// <summary>Queues the whole frame and, in a tall or wide frame at most every <see cref="CloserLookSeconds"/>, its squares.</summary>
    private void QueueRegions(Mat bgr, double seconds)
    {
        int width = bgr.Width, height = bgr.Height;
        _found.Clear();
        _regions.Enqueue(new Rect(0, 0, width, height));
        if (Math.Max(width, height) >= SquaresFromAspect * Math.Min(width, height) && seconds - _lastCloserLook >= CloserLookSeconds)
        {
            _lastCloserLook = seconds;
            foreach (var square in Squares(width, height)) _regions.Enqueue(square);
        }
    }

    /// <summary>Runs the detector on the next queued region; after the last, ranks all found and checks the track or makes them the crops to try.</summary>
    private void DetectNext(Mat bgr, double seconds)
    {
        DetectIn(bgr, _regions.Dequeue());
        if (_regions.Count > 0) return;
        SortBest(_found, bgr);
        DropEnlargedCopies(_found, bgr);
        if (_track is { } tracked)
        {
            var challenger = _challenger;
            _challenger = null;
            if (_found.Count == 0) return;
            var best = PoseCrop.FromAlignment(_found[0].HipCenter, _found[0].ScalePoint);
            if (LinesUpAsCopy(tracked, best, bgr) && LooksPadded(bgr))
            {
                _track = best;
                return;
            }
            // Someone else who ranks above the tracked person takes over only if found in the same
            // place at the next look, so a passer-by near the camera does not take the track from
            // the person training.
            float trackedRank = Rank(tracked, bgr);
            foreach (var other in _found.Select(d => PoseCrop.FromAlignment(d.HipCenter, d.ScalePoint)))
            {
                if (Distance(other.Center, tracked.Center) <= 0.35f * tracked.Side || Rank(other, bgr) <= trackedRank) continue;
                if (challenger is { } earlier && StayedPut(earlier, other))
                {
                    _track = other;
                    return;
                }
                _challenger ??= other;
            }
            return;
        }
        _candidates.Clear();
        foreach (var d in _found.Take(MaxTries)) _candidates.Add(PoseCrop.FromAlignment(d.HipCenter, d.ScalePoint));
        if (_candidates.Count == 0) LookFurther(bgr, seconds);
    }

    /// <summary>Nobody in the regions looked at: once per search, the next tile when one is due.</summary>
    private void LookFurther(Mat bgr, double seconds)
    {
        if (_detector is null || _triedTile || seconds - _lastTileLook < TileLookSeconds) return;
        _triedTile = true;
        _lastTileLook = seconds;
        if (_tilesOf != bgr.Size())
        {
            _tiles = Tiles(bgr.Width, bgr.Height);
            _tilesOf = bgr.Size();
        }
        _found.Clear();
        _regions.Enqueue(_tiles[_nextTile++ % _tiles.Length]);
    }

    /// <summary>Forgets the tracked person (a new video starts).</summary>
    public void Reset()
    {
        _track = null;
        _challenger = null;
        _regions.Clear();
        _candidates.Clear();
        _found.Clear();
        _heldAt = double.NegativeInfinity;
        _regionsToQueue = false;
        _lastDetection = double.NegativeInfinity;
        _lastCloserLook = double.NegativeInfinity;
        _nextTile = 0;
        _lastTileLook = double.NegativeInfinity;
    }

    private float Follow(Mat bgr, PoseCrop crop, Span<float> frame)
    {
        ModelRuns++;
        float presence = _landmarks.Run(bgr, crop, frame, out var center, out var scalePoint);
        var next = PoseCrop.FromAlignment(center, scalePoint);
        _track = next.Side >= 8 ? next : null;
        return presence;
    }

    /// <summary>Detections tried, best first, before a search counts as finding nobody.</summary>
    private const int MaxTries = 3;

    /// <summary>Sorts detections best first: larger and more central people before smaller, off-centre ones.</summary>
    private static void SortBest(List<PoseDetection> detections, Mat bgr)
    {
        float RankOf(PoseDetection d) => Rank(PoseCrop.FromAlignment(d.HipCenter, d.ScalePoint), bgr);
        detections.Sort((a, b) => RankOf(b).CompareTo(RankOf(a)));
    }

    /// <summary>How good a person is to follow: larger and more central is better.</summary>
    private static float Rank(PoseCrop crop, Mat bgr)
    {
        var centre = new Point2f(bgr.Width / 2f, bgr.Height / 2f);
        float diagonal = MathF.Sqrt(bgr.Width * bgr.Width + bgr.Height * bgr.Height);
        return crop.Side * (1 - 0.5f * Distance(crop.Center, centre) / diagonal);
    }

    /// <summary>Seconds after a check that found someone ranking above the tracked person until the look that confirms them.</summary>
    private const double ConfirmSeconds = 1;

    /// <summary>
    /// Whether a person found again <see cref="ConfirmSeconds"/> later stayed where they were, as
    /// someone training does (their hips move less than a quarter of their crop); a passer-by walks
    /// on. Their size may differ up to twice: the detector's size of one person standing still
    /// varied from 350 to 600 pixels within a second.
    /// </summary>
    private static bool StayedPut(PoseCrop before, PoseCrop after) =>
        Distance(before.Center, after.Center) <= 0.25f * before.Side && after.Side <= 2 * before.Side && before.Side <= 2 * after.Side;

    /// <summary>
    /// Removes the people who are another one found, enlarged about the frame's centre, in a frame
    /// padded around a smaller picture: the blurred copy of the clip that phone apps and video sites
    /// pad a clip of another shape with. Its person is larger than the real one and so ranks first,
    /// and its landmarks still show a person.
    /// </summary>
    private static void DropEnlargedCopies(List<PoseDetection> detections, Mat bgr)
    {
        var crops = detections.ConvertAll(d => PoseCrop.FromAlignment(d.HipCenter, d.ScalePoint));
        bool? padded = null; // looked at only when two detections line up so
        for (int i = detections.Count - 1; i >= 0; i--)
        {
            for (int j = 0; j < crops.Count; j++)
            {
                if (j == i || !LinesUpAsCopy(crops[i], crops[j], bgr)) continue;
                if (!(padded ??= LooksPadded(bgr))) return;
                detections.RemoveAt(i);
                crops.RemoveAt(i);
                break;
            }
        }
    }

    /// <summary>How much larger than a person their padding copy is at least: a clip padded to a frame of another shape fills it 1.5 times or more, and the detector's sizes are rough.</summary>
    private const float CopyScale = 1.4f;

    /// <summary>How far a copy's hip centre may lie from where the enlargement puts it, as a share of its crop's side: the detector's keypoints on a blurred body are rough.</summary>
    private const float CopyTolerance = 0.15f;

    /// <summary>
    /// Whether <paramref name="large"/> is <paramref name="small"/> enlarged about the frame's centre
    /// by at least <see cref="CopyScale"/>, as a padded clip shows each body both in the picture and,
    /// k times as far out from the centre, in the copy behind it. Two detections of one person near
    /// the centre, one of them small, also line up so: only in a frame that <see cref="LooksPadded"/>
    /// is the larger one a copy.
    /// </summary>
    private static bool LinesUpAsCopy(PoseCrop large, PoseCrop small, Mat bgr)
    {
        float k = large.Side / small.Side;
        if (!(k >= CopyScale)) return false;
        var centre = new Point2f(bgr.Width / 2f, bgr.Height / 2f);
        var expected = new Point2f(centre.X + k * (small.Center.X - centre.X), centre.Y + k * (small.Center.Y - centre.Y));
        return Distance(expected, large.Center) <= CopyTolerance * large.Side;
    }

    /// <summary>
    /// Whether the frame is a picture padded at both ends of its height or its width: two straight
    /// edges across the frame (on a 360-pixel-wide copy, rows or columns where at least
    /// <see cref="EdgeShare"/> of the pixels step by more than 6 grey levels), as far from each end,
    /// with strips outside them whose fine detail (mean absolute Laplacian) is under a third of the
    /// picture's: blurred or plain, as phone apps and video sites pad a clip.
    /// </summary>
    internal static bool LooksPadded(Mat bgr)
    {
        using var small = new Mat();
        using var grey = new Mat();
        int width = Math.Min(360, bgr.Width), height = Math.Max(8, (int)Math.Round((double)bgr.Height * width / bgr.Width));
        Cv2.Resize(bgr, small, new Size(width, height), 0, 0, InterpolationFlags.Area);
        Cv2.CvtColor(small, grey, ColorConversionCodes.BGR2GRAY);
        if (PaddedAlongHeight(grey)) return true;
        using var turned = grey.T();
        return PaddedAlongHeight(turned);
    }

    /// <summary>Share of a row that must step sharply for the row to be a padding's edge.</summary>
    private const double EdgeShare = 0.3;

    private static bool PaddedAlongHeight(Mat grey)
    {
        int rows = grey.Rows, cols = grey.Cols;
        grey.GetArray(out byte[] pixels);
        var edge = new double[rows];
        for (int y = 1; y < rows - 1; y++)
        {
            int steps = 0;
            for (int x = 0; x < cols; x++)
                if (Math.Abs(pixels[(y + 1) * cols + x] - pixels[(y - 1) * cols + x]) > 6) steps++;
            edge[y] = (double)steps / cols;
        }
        // Fine detail summed row by row, so any strip's mean is two lookups.
        using var detail = new Mat();
        Cv2.Laplacian(grey, detail, MatType.CV_32F);
        Cv2.Absdiff(detail, Scalar.All(0), detail);
        using var perRow = new Mat();
        Cv2.Reduce(detail, perRow, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_64F);
        var summed = new double[rows + 1];
        for (int y = 0; y < rows; y++) summed[y + 1] = summed[y] + perRow.At<double>(y);
        double Detail(int from, int to) => (summed[to] - summed[from]) / ((double)(to - from) * cols);
        for (int top = Math.Max(3, rows / 20); top < rows * 2 / 5; top++)
        {
            if (edge[top] < EdgeShare) continue;
            for (int bottom = rows - 1 - top - 2; bottom <= rows - 1 - top + 2; bottom++)
            {
                if (bottom <= top + 8 || bottom >= rows - 3 || edge[bottom] < EdgeShare) continue;
                double picture = Detail(top + 2, bottom - 1);
                if (picture > 1 && Math.Max(Detail(0, top - 1), Detail(bottom + 2, rows)) < picture / 3) return true;
            }
        }
        return false;
    }

    /// <summary>Squares along a tall or wide frame's long side, overlapping by half or more (a 16:9 frame gives three).</summary>
    private static IEnumerable<Rect> Squares(int width, int height)
    {
        int side = Math.Min(width, height), length = Math.Max(width, height);
        bool tall = height > width;
        int steps = (int)Math.Ceiling((length - side) / (0.5 * side));
        for (int k = 0; k <= steps; k++)
        {
            int offset = (int)Math.Round((double)(length - side) * k / steps);
            yield return tall ? new Rect(0, offset, side, side) : new Rect(offset, 0, side, side);
        }
    }

    /// <summary>Adds the people the detector finds in <paramref name="region"/> of the frame to <see cref="_found"/>, in frame pixels.</summary>
    private void DetectIn(Mat bgr, Rect region)
    {
        ModelRuns++;
        using var view = new Mat(bgr, region);
        foreach (var d in _detector!.Detect(view)) _found.Add(d.Shifted(region.X, region.Y));
    }

    /// <summary>Seconds between looks at a tile while nobody is found: an empty view costs a third more detector time, not twice as much.</summary>
    private const double TileLookSeconds = 0.3;

    /// <summary>A tile's side as a share of the frame's shorter side: a person a quarter of the frame's height fills half of it.</summary>
    private const double TileShare = 0.55;

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
