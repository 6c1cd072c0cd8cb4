using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using OpenCvSharp;

namespace LiveWorkout.Vision.Preprocessing;

/// <summary>
/// Turns a BGR frame into the model's input (CHW floats, normalised) following its
/// <see cref="InputSpec"/>. Training, evaluation, replay and live all call this one class, so
/// their inputs cannot drift apart. Keeps its working Mats between calls: one instance per thread.
/// For a spec with a <see cref="InputSpec.Region"/>, frames of a video go through
/// <see cref="ProcessInSequence"/>, which tracks the person and crops to them; a single image
/// (<see cref="Process(Mat, Span{float})"/>) is taken whole, since a dataset of such a model
/// holds the tracker's crops already.
/// </summary>
public sealed class FramePreprocessor : IFrameFrontEnd
{
    private readonly InputSpec _spec;
    private readonly Mat _bgr = new();
    private readonly Mat _resized = new();
    private readonly Mat _converted = new();
    private readonly Mat _shrunk = new();
    private readonly MotionRegionTracker? _tracker;

    public FramePreprocessor(InputSpec spec)
    {
        spec.Validate();
        _spec = spec;
        if (spec.Region is { } region) _tracker = new MotionRegionTracker(region);
    }

    /// <summary>The region the last frame of the sequence was cropped to; null: the whole frame.</summary>
    public Rect? Region => _tracker?.Region;

    public InputSpec Spec => _spec;

    /// <summary>Floats per frame: channels x height x width.</summary>
    public int Length => _spec.Channels * _spec.Height * _spec.Width;

    public float[] Process(Mat frame)
    {
        var data = new float[Length];
        Process(frame, data);
        return data;
    }

    /// <summary>Writes the frame's model input into <paramref name="destination"/> (CHW order), taking the whole frame.</summary>
    public void Process(Mat frame, Span<float> destination) => Process(frame, destination, null);

    /// <summary>
    /// Shows a video frame to the person tracker (when the spec has a region) without
    /// preprocessing it: for frames a caller skips, so the tracker still sees its time grid.
    /// </summary>
    public Rect? Track(Mat frame, TimeSpan time) => _tracker?.Observe(frame, time);

    /// <summary>One frame of a video at its time: tracked and cropped to the person when the spec has a region.</summary>
    public void ProcessInSequence(Mat frame, TimeSpan time, Span<float> destination)
    {
        if (frame.Empty()) throw new SourceUnavailableException("empty frame: the image could not be decoded");
        Process(frame, destination, Track(frame, time));
    }

    /// <summary>The frame's model input from <paramref name="region"/> of it (frame pixels; null: all of it).</summary>
    public void Process(Mat frame, Span<float> destination, Rect? region)
    {
        if (frame.Empty()) throw new SourceUnavailableException("empty frame: the image could not be decoded");
        if (destination.Length < Length) throw new ArgumentException($"destination holds {destination.Length} floats, {Length} needed", nameof(destination));
        var whole = new Rect(0, 0, frame.Width, frame.Height);
        Rect area = region is { } r ? r.Intersect(whole) : whole;
        if (area.Width < 1 || area.Height < 1) area = whole;

        using var part = area == whole ? null : new Mat(frame, area);
        Mat bgr = ShrinkLarge(ToBgr(part ?? frame));
        Rect crop = CropFor(bgr.Size());
        using (var cropped = new Mat(bgr, crop))
        {
            var size = new Size(_spec.Width, _spec.Height);
            var interpolation = crop.Width > size.Width ? InterpolationFlags.Area : InterpolationFlags.Linear;
            if (_spec.Resize == ResizeMode.Letterbox) Letterbox(cropped, size, interpolation);
            else Cv2.Resize(cropped, _resized, size, 0, 0, interpolation);
        }
        foreach (var mask in _spec.Masks ?? []) BlankMask(InPart(mask, frame.Size(), area), bgr.Size(), crop);

        if (_spec.Color == ColorMode.Gray) Cv2.CvtColor(_resized, _converted, ColorConversionCodes.BGR2GRAY);
        else Cv2.CvtColor(_resized, _converted, ColorConversionCodes.BGR2RGB);
        WriteNormalized(_converted, destination);
    }

    /// <summary>
    /// The size a frame is first shrunk to (area averaging), or null when it is at most twice the
    /// model's input. Training shrinks big photos this way before augmenting them (augmenting
    /// megapixels is wasted work); doing the same here keeps every path's pixels identical.
    /// Shrinking an already shrunk frame again gives null, so the step is idempotent.
    /// </summary>
    public static Size? ShrunkSize(Size source, InputSpec spec)
    {
        double scale = Math.Max(2.0 * spec.Width / source.Width, 2.0 * spec.Height / source.Height);
        if (scale >= 1) return null;
        return new Size(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));
    }

    private Mat ShrinkLarge(Mat bgr)
    {
        if (ShrunkSize(bgr.Size(), _spec) is not { } size) return bgr;
        Cv2.Resize(bgr, _shrunk, size, 0, 0, InterpolationFlags.Area);
        return _shrunk;
    }

    private Mat ToBgr(Mat frame)
    {
        switch (frame.Channels())
        {
            case 3: return frame;
            case 1: Cv2.CvtColor(frame, _bgr, ColorConversionCodes.GRAY2BGR); return _bgr;
            case 4: Cv2.CvtColor(frame, _bgr, ColorConversionCodes.BGRA2BGR); return _bgr;
            default: throw new SourceUnavailableException($"frames with {frame.Channels()} channels are not supported");
        }
    }

    private Rect CropFor(Size source)
    {
        if (_spec.Resize != ResizeMode.CenterCrop) return new Rect(0, 0, source.Width, source.Height);
        double target = (double)_spec.Width / _spec.Height;
        int w = source.Width, h = source.Height;
        if ((double)w / h > target) w = Math.Max(1, (int)Math.Round(h * target));
        else h = Math.Max(1, (int)Math.Round(w / target));
        return new Rect((source.Width - w) / 2, (source.Height - h) / 2, w, h);
    }

    private void Letterbox(Mat region, Size size, InterpolationFlags interpolation)
    {
        double scale = Math.Min((double)size.Width / region.Width, (double)size.Height / region.Height);
        var inner = new Size(Math.Max(1, (int)Math.Round(region.Width * scale)), Math.Max(1, (int)Math.Round(region.Height * scale)));
        using var scaled = new Mat();
        Cv2.Resize(region, scaled, inner, 0, 0, interpolation);
        int left = (size.Width - inner.Width) / 2, top = (size.Height - inner.Height) / 2;
        Cv2.CopyMakeBorder(scaled, _resized, top, size.Height - inner.Height - top, left, size.Width - inner.Width - left, BorderTypes.Constant, Scalar.All(0));
    }

    /// <summary>A mask given in fractions of the whole frame, in fractions of <paramref name="area"/> of it.</summary>
    private static MaskRegion InPart(MaskRegion mask, Size frame, Rect area) =>
        area.Width == frame.Width && area.Height == frame.Height ? mask : new MaskRegion(
            (mask.X * frame.Width - area.X) / area.Width, (mask.Y * frame.Height - area.Y) / area.Height,
            mask.Width * frame.Width / area.Width, mask.Height * frame.Height / area.Height);

    /// <summary>Blanks the mask (given in fractions of the source frame) where it lands in the resized image.</summary>
    private void BlankMask(MaskRegion mask, Size source, Rect crop)
    {
        double sx = (double)_resized.Width / crop.Width, sy = (double)_resized.Height / crop.Height;
        int x0 = (int)Math.Floor((mask.X * source.Width - crop.X) * sx), y0 = (int)Math.Floor((mask.Y * source.Height - crop.Y) * sy);
        int x1 = (int)Math.Ceiling(((mask.X + mask.Width) * source.Width - crop.X) * sx), y1 = (int)Math.Ceiling(((mask.Y + mask.Height) * source.Height - crop.Y) * sy);
        x0 = Math.Clamp(x0, 0, _resized.Width); x1 = Math.Clamp(x1, 0, _resized.Width);
        y0 = Math.Clamp(y0, 0, _resized.Height); y1 = Math.Clamp(y1, 0, _resized.Height);
        if (x1 <= x0 || y1 <= y0) return;
        using var roi = new Mat(_resized, new Rect(x0, y0, x1 - x0, y1 - y0));
        roi.SetTo(Scalar.All(0));
    }

    private unsafe void WriteNormalized(Mat image, Span<float> destination)
    {
        int channels = _spec.Channels, width = _spec.Width, height = _spec.Height, plane = width * height;
        Span<float> scale = stackalloc float[channels];
        Span<float> offset = stackalloc float[channels];
        for (int c = 0; c < channels; c++)
        {
            scale[c] = 1f / (255f * _spec.Std[c]);
            offset[c] = -_spec.Mean[c] / _spec.Std[c];
        }
        for (int y = 0; y < height; y++)
        {
            byte* row = (byte*)image.Ptr(y).ToPointer();
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                    destination[c * plane + y * width + x] = row[x * channels + c] * scale[c] + offset[c];
        }
    }

    public void Dispose()
    {
        _bgr.Dispose();
        _resized.Dispose();
        _converted.Dispose();
        _shrunk.Dispose();
        _tracker?.Dispose();
    }
}
