using LiveWorkout.Core.Imaging;
using OpenCvSharp;

namespace LiveWorkout.Vision.Preprocessing;

/// <summary>
/// Finds the person in a fixed camera's frames as the place where things moved lately: frames
/// <see cref="RegionSpec.SampleSeconds"/> apart are shrunk to 80 pixels wide, differenced and
/// thresholded; the moving pixels go into a history that fades over <see cref="RegionSpec.MemorySeconds"/>;
/// a robust box around the history (2nd to 98th percentile of its rows and columns), enlarged to
/// a square and smoothed, is the region. No region is known until something has moved; a person
/// who stops keeps the last region.
/// Time comes from the frames, so a replay gives the same regions on every run, and a run that
/// sees only some frames (live drops) samples on the same grid. One instance per frame sequence.
/// </summary>
public sealed class MotionRegionTracker : IDisposable
{
    private const int ProcessWidth = 80;
    private const int MinMovingPixels = 12;
    private const float ActiveLevel = 0.3f;
    private const double Tolerance = 1e-3; // seconds: frame times of 29.97 fps clips land just past the grid
    private const double GapSeconds = 1.0; // a longer gap (lost source) breaks the chain of differences

    private readonly RegionSpec _spec;
    private readonly Mat _small = new();
    private readonly Mat _gray = new();
    private readonly Mat _previous = new();
    private readonly Mat _difference = new();
    private readonly Mat _moving = new();
    private readonly Mat _history = new();
    private readonly Mat _active = new();
    private readonly Mat _columns = new();
    private readonly Mat _rows = new();
    private double _nextSample = double.NegativeInfinity, _lastSample;
    private Size _frameSize;
    private double _cx, _cy, _side = -1;
    private bool _hasPrevious, _hasHistory;

    public MotionRegionTracker(RegionSpec spec)
    {
        spec.Validate();
        _spec = spec;
    }

    /// <summary>The current region in frame pixels, or null while nothing has moved yet.</summary>
    public Rect? Region { get; private set; }

    /// <summary>Whether a frame at <paramref name="time"/> would be sampled: other frames leave the tracker as it is.</summary>
    public bool Wants(TimeSpan time) => time.TotalSeconds + Tolerance >= _nextSample;

    /// <summary>Shows the tracker a frame (BGR, gray or BGRA) at its media or capture time; returns the region for it.</summary>
    public Rect? Observe(Mat frame, TimeSpan time)
    {
        if (frame.Size() != _frameSize) Reset(frame.Size());
        double t = time.TotalSeconds;
        if (!Wants(time)) return Region;
        _nextSample = Math.Max(_nextSample + _spec.SampleSeconds, t + _spec.SampleSeconds - Tolerance);
        Sample(frame, t);
        return Region;
    }

    private void Reset(Size size)
    {
        _frameSize = size;
        _nextSample = double.NegativeInfinity;
        _side = -1;
        Region = null;
        _hasPrevious = _hasHistory = false; // (Mat.Release disposes the Mat in OpenCvSharp)
    }

    private void Sample(Mat frame, double t)
    {
        int height = Math.Max(1, (int)Math.Round(ProcessWidth * (double)_frameSize.Height / _frameSize.Width));
        Cv2.Resize(frame, _small, new Size(ProcessWidth, height), 0, 0, InterpolationFlags.Area);
        switch (_small.Channels())
        {
            case 3: Cv2.CvtColor(_small, _gray, ColorConversionCodes.BGR2GRAY); break;
            case 4: Cv2.CvtColor(_small, _gray, ColorConversionCodes.BGRA2GRAY); break;
            default: _small.CopyTo(_gray); break;
        }
        Cv2.GaussianBlur(_gray, _gray, new Size(3, 3), 0);
        bool chained = _hasPrevious && t - _lastSample <= GapSeconds;
        if (chained)
        {
            Cv2.Absdiff(_gray, _previous, _difference);
            // Above the frame's own change level: lighting flicker and sensor noise move everything a little.
            double threshold = Math.Max(8, 3 * Cv2.Mean(_difference).Val0);
            Cv2.Threshold(_difference, _moving, threshold, 1, ThresholdTypes.Binary);
            _moving.ConvertTo(_moving, MatType.CV_32F);
            if (!_hasHistory)
            {
                _history.Create(_gray.Size(), MatType.CV_32F);
                _history.SetTo(Scalar.All(0));
                _hasHistory = true;
            }
            Cv2.Multiply(_history, Scalar.All(Math.Exp(-(t - _lastSample) / _spec.MemorySeconds)), _history);
            Cv2.Max(_history, _moving, _history);
            Measure();
        }
        _gray.CopyTo(_previous);
        _hasPrevious = true;
        _lastSample = t;
    }

    /// <summary>Updates the region from the history's robust extent.</summary>
    private void Measure()
    {
        Cv2.Threshold(_history, _active, ActiveLevel, 1, ThresholdTypes.Binary);
        Cv2.Reduce(_active, _columns, ReduceDimension.Row, ReduceTypes.Sum, MatType.CV_32F);
        Cv2.Reduce(_active, _rows, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32F);
        _columns.GetArray(out float[] columns);
        _rows.GetArray(out float[] rows);
        int count = (int)Math.Round(columns.Sum());
        if (count < MinMovingPixels) return;

        double sx = (double)_frameSize.Width / _active.Width, sy = (double)_frameSize.Height / _active.Height;
        double x0 = Percentile(columns, (int)(0.02 * count)) * sx, x1 = (Percentile(columns, (int)(0.98 * (count - 1))) + 1) * sx;
        double y0 = Percentile(rows, (int)(0.02 * count)) * sy, y1 = (Percentile(rows, (int)(0.98 * (count - 1))) + 1) * sy;
        double shorter = Math.Min(_frameSize.Width, _frameSize.Height);
        double side = Math.Clamp(_spec.Expand * Math.Max(x1 - x0, y1 - y0), _spec.MinSide * shorter, shorter);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        if (_side < 0) (_cx, _cy, _side) = (cx, cy, side);
        else
        {
            _cx += _spec.Smoothing * (cx - _cx);
            _cy += _spec.Smoothing * (cy - _cy);
            _side += _spec.Smoothing * (side - _side);
        }
        int s = Math.Min((int)Math.Round(_side), (int)shorter);
        int left = (int)Math.Round(Math.Clamp(_cx - _side / 2, 0, _frameSize.Width - s));
        int top = (int)Math.Round(Math.Clamp(_cy - _side / 2, 0, _frameSize.Height - s));
        Region = new Rect(left, top, s, s);
    }

    /// <summary>The coordinate of the <paramref name="rank"/>-th moving pixel (0-based) in order along the axis.</summary>
    private static int Percentile(float[] counts, int rank)
    {
        double seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen > rank) return i;
        }
        return counts.Length - 1;
    }

    public void Dispose()
    {
        foreach (var mat in new[] { _small, _gray, _previous, _difference, _moving, _history, _active, _columns, _rows }) mat.Dispose();
    }
}
