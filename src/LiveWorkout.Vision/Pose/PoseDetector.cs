using System.Runtime.InteropServices;
using LiveWorkout.Core;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Finds people with MediaPipe's BlazePose detector run by OpenCV DNN (letterbox to 224, anchors scoring 0.5 or more,
/// MediaPipe's weighted suppression at IoU 0.3), the first stage of pose tracking; one instance per thread.
/// </summary>
public sealed class PoseDetector : IDisposable
{
    private const int InputSize = 224;
    private const int Values = 12;
    private const float MinScore = 0.5f;
    private const float MinSuppressionIou = 0.3f;

    private static readonly (float X, float Y)[] Anchors = PoseAnchors.Create(InputSize);

    private readonly Net _net;
    private readonly Mat _resized = new();
    private readonly LocalContrast _contrast = new();
    private readonly Mat _canvas = new(InputSize, InputSize, MatType.CV_8UC3);
    private readonly Mat _float = new();
    private readonly Mat _blob = new([1, 3, InputSize, InputSize], MatType.CV_32F, Scalar.All(0));
    private readonly Mat[] _planes;
    private readonly Mat _boxes = new();
    private readonly Mat _scores = new();
    private readonly string[] _outputNames = [TfliteDetectorRewrite.BoxesOutput, TfliteDetectorRewrite.ScoresOutput];
    private readonly float[] _boxValues = new float[TfliteDetectorRewrite.AnchorCount * Values];
    private readonly float[] _scoreValues = new float[TfliteDetectorRewrite.AnchorCount];
    private readonly List<Candidate> _candidates = [];

    private PoseDetector(Net net)
    {
        _net = net;
        int plane = InputSize * InputSize * sizeof(float);
        _planes = [.. Enumerable.Range(0, 3).Select(c => Mat.FromPixelData(InputSize, InputSize, MatType.CV_32F, _blob.Data + c * plane))];
    }

    /// <summary>
    /// Loads the original pose_detection.tflite, rewriting it in memory for OpenCV. A missing, damaged or
    /// different file gives a <see cref="LiveWorkoutException"/> with one line saying what to do.
    /// </summary>
    public static PoseDetector Load(string detectorPath)
    {
        ArgumentNullException.ThrowIfNull(detectorPath);
        const string Fix = "restore models/pose from git (git checkout -- models/pose)";
        if (!File.Exists(detectorPath))
            throw new ModelFileException($"pose detector '{detectorPath}' not found: {Fix}");
        byte[] rewritten;
        try
        {
            rewritten = TfliteDetectorRewrite.Rewrite(File.ReadAllBytes(detectorPath));
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException($"pose detector '{detectorPath}' is not a usable TFLite BlazePose detector ({OneLine(e.Message)}): {Fix}", e);
        }
        catch (IOException e)
        {
            throw new ModelFileException($"pose detector '{detectorPath}' cannot be read ({OneLine(e.Message)}): check the file's permissions or {Fix}", e);
        }

        string temp = Path.Combine(Path.GetTempPath(), $"liveworkout-pose-detector-{Environment.ProcessId}-{Guid.NewGuid():N}.tflite");
        try
        {
            File.WriteAllBytes(temp, rewritten);
            var net = CvDnn.ReadNet(temp); // OpenCvSharp reads TFLite from a file only; the extension picks the importer
            if (net is null || net.Empty())
            {
                net?.Dispose();
                throw new ModelFileException($"OpenCV loaded an empty network from pose detector '{detectorPath}': {Fix}");
            }
            net.SetPreferableBackend(Backend.OPENCV);
            net.SetPreferableTarget(Target.CPU);
            var detector = new PoseDetector(net);
            try
            {
                detector.Run(); // a damaged model may import and only fail here: fail at load time instead
            }
            catch
            {
                detector.Dispose();
                throw;
            }
            return detector;
        }
        catch (Exception e) when (e is OpenCVException or OpenCvSharpException or InvalidOperationException)
        {
            throw new ModelFileException($"OpenCV cannot load or run pose detector '{detectorPath}' ({OneLine(e.Message)}): {Fix}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"cannot write the rewritten pose detector to '{temp}' ({OneLine(e.Message)}): point TMPDIR at a writable folder", e);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The people in a BGR frame, best first; empty when nobody passes the score threshold.</summary>
    public IReadOnlyList<PoseDetection> Detect(Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        if (bgrFrame.Empty() || bgrFrame.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"expected a non-empty 8-bit BGR frame, got {bgrFrame.Type()} {bgrFrame.Width}x{bgrFrame.Height}", nameof(bgrFrame));

        // Letterbox: keep the aspect ratio, centre, pad with zeros (black), as MediaPipe does.
        double scale = (double)InputSize / Math.Max(bgrFrame.Width, bgrFrame.Height);
        int width = Math.Clamp((int)Math.Round(bgrFrame.Width * scale), 1, InputSize);
        int height = Math.Clamp((int)Math.Round(bgrFrame.Height * scale), 1, InputSize);
        var toFrame = new Letterbox((float)width / bgrFrame.Width, (float)height / bgrFrame.Height, (InputSize - width) / 2, (InputSize - height) / 2);
        Cv2.Resize(bgrFrame, _resized, new Size(width, height), 0, 0, InterpolationFlags.Area);
        _contrast.Apply(_resized);
        _canvas.SetTo(Scalar.All(0));
        using (var roi = new Mat(_canvas, new Rect(toFrame.PadX, toFrame.PadY, width, height))) _resized.CopyTo(roi);
        _canvas.ConvertTo(_float, MatType.CV_32FC3, 1 / 127.5, -1);
        Cv2.MixChannels([_float], _planes, [2, 0, 1, 1, 0, 2]); // BGR -> planar RGB

        Run();

        _candidates.Clear();
        for (int i = 0; i < Anchors.Length; i++)
        {
            float logit = Math.Clamp(_scoreValues[i], -100f, 100f);
            float score = 1f / (1f + MathF.Exp(-logit));
            if (!(score >= MinScore)) continue; // also drops NaN from a damaged model
            _candidates.Add(Decode(i, score, toFrame));
        }
        return WeightedSuppression(_candidates);
    }

    public void Dispose()
    {
        foreach (var plane in _planes) plane.Dispose();
        _resized.Dispose();
        _contrast.Dispose();
        _canvas.Dispose();
        _float.Dispose();
        _blob.Dispose();
        _boxes.Dispose();
        _scores.Dispose();
        _net.Dispose();
    }

    /// <summary>Runs the network on the current input blob and copies out its boxes and scores.</summary>
    private void Run()
    {
        _net.SetInput(_blob);
        _net.Forward([_boxes, _scores], _outputNames);
        Read(_boxes, _boxValues);
        Read(_scores, _scoreValues);
    }

    private static void Read(Mat output, float[] values)
    {
        if (output.Type() != MatType.CV_32F || output.Total() != values.Length || !output.IsContinuous())
            throw new InvalidOperationException($"the pose detector returned {output.Total()} values of type {output.Type()}, expected {values.Length} floats");
        Marshal.Copy(output.Data, values, 0, values.Length);
    }

    /// <summary>Anchor <paramref name="i"/>'s box and keypoints, from letterbox pixels back to frame pixels.</summary>
    private Candidate Decode(int i, float score, Letterbox toFrame)
    {
        var (ax, ay) = Anchors[i];
        var v = _boxValues.AsSpan(i * Values, Values);
        float X(float normalised) => (normalised * InputSize - toFrame.PadX) / toFrame.ScaleX;
        float Y(float normalised) => (normalised * InputSize - toFrame.PadY) / toFrame.ScaleY;
        float cx = v[0] / InputSize + ax, cy = v[1] / InputSize + ay;
        float w = v[2] / InputSize, h = v[3] / InputSize;
        var points = new float[8];
        for (int k = 0; k < 4; k++)
        {
            points[2 * k] = X(v[4 + 2 * k] / InputSize + ax);
            points[2 * k + 1] = Y(v[5 + 2 * k] / InputSize + ay);
        }
        float left = X(cx - w / 2), top = Y(cy - h / 2);
        return new Candidate(score, left, top, X(cx + w / 2) - left, Y(cy + h / 2) - top, points);
    }

    /// <summary>MediaPipe's weighted non-maximum suppression: each best remaining box absorbs the boxes overlapping it, averaged by score.</summary>
    private static List<PoseDetection> WeightedSuppression(List<Candidate> candidates)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var result = new List<PoseDetection>();
        var remaining = new List<Candidate>(candidates);
        var merged = new List<Candidate>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            merged.Clear();
            remaining.RemoveAll(c =>
            {
                if (Iou(best, c) <= MinSuppressionIou && !ReferenceEquals(best, c)) return false;
                merged.Add(c);
                return true;
            });
            float total = 0, left = 0, top = 0, right = 0, bottom = 0;
            var points = new float[8];
            foreach (var c in merged)
            {
                total += c.Score;
                left += c.Score * c.Left;
                top += c.Score * c.Top;
                right += c.Score * (c.Left + c.Width);
                bottom += c.Score * (c.Top + c.Height);
                for (int k = 0; k < points.Length; k++) points[k] += c.Score * c.Points[k];
            }
            left /= total; top /= total; right /= total; bottom /= total;
            for (int k = 0; k < points.Length; k++) points[k] /= total;
            result.Add(new PoseDetection(best.Score, new Rect2f(left, top, right - left, bottom - top),
                new Point2f(points[0], points[1]), new Point2f(points[2], points[3])));
        }
        return result;
    }

    private static float Iou(Candidate a, Candidate b)
    {
        float x0 = Math.Max(a.Left, b.Left), y0 = Math.Max(a.Top, b.Top);
        float x1 = Math.Min(a.Left + a.Width, b.Left + b.Width), y1 = Math.Min(a.Top + a.Height, b.Top + b.Height);
        float intersection = Math.Max(0, x1 - x0) * Math.Max(0, y1 - y0);
        float union = a.Width * a.Height + b.Width * b.Height - intersection;
        return union > 0 ? intersection / union : 0;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>How a frame sits in the detector's input square: its scale on each axis and its offset.</summary>
    private readonly record struct Letterbox(float ScaleX, float ScaleY, int PadX, int PadY);

    /// <summary>A decoded anchor in frame pixels: score, box and the 4 keypoints (x, y pairs).</summary>
    private sealed record Candidate(float Score, float Left, float Top, float Width, float Height, float[] Points);
}
