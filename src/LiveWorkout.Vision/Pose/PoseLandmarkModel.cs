using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using System.Runtime.InteropServices;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// MediaPipe BlazePose's landmark model read by OpenCV DNN: 33 body landmarks, each with a
/// visibility, and the pose presence, from a rotated square crop of the frame (256 x 256 RGB in 0..1).
/// Also returns the two alignment points (hip centre, scale point) that place the next frame's crop.
/// Keeps its working Mats between calls: one instance per thread.
/// </summary>
public sealed class PoseLandmarkModel : IDisposable
{
    /// <summary>Side of the square the model reads, pixels.</summary>
    public const int InputSize = 256;

    private const int Outputs = 39; // 33 landmarks, then the hip centre, the scale point and 4 unused
    private static readonly string[] OutputNames = ["Identity", "Identity_1"];
    private readonly Net _net;
    private readonly Mat _crop = new();
    private readonly LocalContrast _contrast = new();
    private readonly Mat[] _outputs = [new(), new()];
    private readonly float[] _raw = new float[Outputs * 5];

    private PoseLandmarkModel(Net net, string path)
    {
        _net = net;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Loads the model file; a missing or unreadable file is one line that says what to do.</summary>
    public static PoseLandmarkModel Load(string path)
    {
        var net = PoseModelFile.Read(path, "pose landmark model");
        var model = new PoseLandmarkModel(net, path);
        try
        {
            // One blank crop proves the file is the landmark model (right input and outputs).
            using var blank = new Mat(InputSize, InputSize, MatType.CV_8UC3, Scalar.All(0));
            model.Run(blank, PoseCrop.WholeFrame(InputSize, InputSize), new float[PoseFrame.Length], out _, out _);
        }
        catch (Exception e) when (e is OpenCVException or ArgumentException or IndexOutOfRangeException)
        {
            model.Dispose();
            throw new ModelFileException($"'{path}' is not a BlazePose landmark model (it does not give 39 landmarks for a 256x256 crop): restore models/pose from the repository");
        }
        return model;
    }

    /// <summary>
    /// Runs the model on <paramref name="crop"/> of <paramref name="bgr"/> and writes a
    /// <see cref="PoseFrame"/> (frame pixels) into <paramref name="frame"/>; returns the presence
    /// (0..1). <paramref name="center"/> and <paramref name="scalePoint"/> are the alignment points
    /// for the next crop, in frame pixels.
    /// </summary>
    public float Run(Mat bgr, PoseCrop crop, Span<float> frame, out Point2f center, out Point2f scalePoint)
    {
        using (var map = Mat.FromArray(crop.CropToFrame(InputSize)))
            Cv2.WarpAffine(bgr, _crop, map, new Size(InputSize, InputSize), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Constant, Scalar.All(0));
        _contrast.Apply(_crop);
        using (var blob = CvDnn.BlobFromImage(_crop, 1 / 255.0, new Size(InputSize, InputSize), new Scalar(), swapRB: true, crop: false))
        {
            _net.SetInput(blob);
            _net.Forward(_outputs, OutputNames);
        }
        if (_outputs[0].Total() < _raw.Length) throw new ArgumentException($"the model gave {_outputs[0].Total()} landmark values, {_raw.Length} expected");
        if (_outputs[0].Type() != MatType.CV_32F || !_outputs[0].IsContinuous()) throw new ArgumentException("the model's landmark output is not a continuous float tensor");
        Marshal.Copy(_outputs[0].Data, _raw, 0, _raw.Length);
        float presence = _outputs[1].Get<float>(0);

        PoseFrame.SetHeader(frame, presence, bgr.Width, bgr.Height);
        for (int i = 0; i < PoseFrame.Landmarks; i++)
        {
            var p = crop.ToFrame(_raw[5 * i], _raw[5 * i + 1], InputSize);
            PoseFrame.SetLandmark(frame, i, p.X, p.Y, Sigmoid(_raw[5 * i + 3]));
        }
        center = crop.ToFrame(_raw[5 * 33], _raw[5 * 33 + 1], InputSize);
        scalePoint = crop.ToFrame(_raw[5 * 34], _raw[5 * 34 + 1], InputSize);
        return presence;
    }

    private static float Sigmoid(float x) => 1 / (1 + MathF.Exp(-x));

    public void Dispose()
    {
        _net.Dispose();
        _crop.Dispose();
        _contrast.Dispose();
        foreach (var m in _outputs) m.Dispose();
    }
}
