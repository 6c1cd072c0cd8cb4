using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>Cameras, streams and video files through OpenCV's VideoCapture (V4L2 and FFmpeg here).</summary>
public sealed class VideoFrameReader : IFrameReader
{
    private readonly VideoCapture _capture;
    private readonly string _location;
    private Mat? _first; // a file's first frame, decoded on opening to know it can be
    private bool _file;
    private double _firstMsec;
    private double? _originMsec; // the first frame's own timestamp
    private double _lastSeconds = double.NegativeInfinity, _lastStep;
    private long _read;
    private bool _ended;

    private VideoFrameReader(VideoCapture capture, string location, double fps, long? count)
    {
        _capture = capture;
        _location = location;
        Fps = fps;
        FrameCount = count;
    }

    public double Fps { get; }
    public long? FrameCount { get; }
    public int Skipped => 0;

    /// <summary>
    /// A file that ended more than a few frames before the length its container declares was cut
    /// short (a copy or download that stopped half way); the declared count may be off by a frame or two.
    /// </summary>
    public string? Problem =>
        _ended && FrameCount is { } declared && _read < declared - Math.Max(2, declared / 100)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_location} ended early: {_read} of its {declared} frames could be decoded (the file is cut short or damaged)")
            : null;

    public static VideoFrameReader Open(SourceSpec spec, CaptureRequest request) =>
        TryOpen(spec, request) ?? throw new SourceUnavailableException(spec.Kind switch
        {
            SourceKind.Camera => $"{spec.Location} could not be opened: it is missing or busy (another program may hold it); 'liveworkout doctor' lists the cameras found",
            SourceKind.Stream => $"stream {spec.Location} could not be opened: check the URL and that the server is reachable",
            _ => $"video {spec.Location} could not be read: it is not a video OpenCV/FFmpeg can decode, or it is damaged; check that it plays in a video player, or record it again",
        });

    /// <summary>Opens the source with OpenCV, or returns null when OpenCV cannot.</summary>
    public static VideoFrameReader? TryOpen(SourceSpec spec, CaptureRequest request)
    {
        var capture = new VideoCapture();
        // A stream this FFmpeg cannot open (no network protocols in the official Linux runtime)
        // makes OpenCV log a warning before the MJPEG fallback takes over: not the user's concern.
        var logLevel = spec.Kind == SourceKind.Stream ? Cv2.SetLogLevel(LogLevel.ERROR) : (LogLevel?)null;
        bool opened;
        try
        {
            opened = spec.Kind switch
            {
                SourceKind.Camera when spec.CameraIndex >= 0 => capture.Open(spec.CameraIndex, CameraApi),
                SourceKind.Camera => capture.Open(spec.Location, CameraApi),
                _ => capture.Open(spec.Location, VideoCaptureAPIs.FFMPEG),
            };
        }
        finally
        {
            if (logLevel is { } previous) Cv2.SetLogLevel(previous);
        }
        if (!opened || !capture.IsOpened())
        {
            capture.Dispose();
            return null;
        }
        // Phones store a portrait video on its side with a rotation in the container: read it upright.
        if (spec.Kind == SourceKind.VideoFile) capture.Set(VideoCaptureProperties.OrientationAuto, 1);
        if (spec.Kind == SourceKind.Camera)
        {
            capture.Set(VideoCaptureProperties.FrameWidth, request.Width);
            capture.Set(VideoCaptureProperties.FrameHeight, request.Height);
            capture.Set(VideoCaptureProperties.Fps, request.Fps);
        }
        double fps = capture.Fps is > 0 and < 1000 ? capture.Fps : request.Fps;
        long? count = spec.Kind == SourceKind.VideoFile && capture.FrameCount > 0 ? capture.FrameCount : null;
        Mat? first = null;
        if (spec.Kind == SourceKind.VideoFile)
        {
            // A container OpenCV opens may hold a codec its FFmpeg lacks (AV1): then no frame decodes.
            first = new Mat();
            if (!capture.Read(first) || first.Empty())
            {
                first.Dispose();
                capture.Dispose();
                return null;
            }
        }
        return new VideoFrameReader(capture, spec.Location, fps, count) { _file = first is not null, _first = first, _firstMsec = first is null ? double.NaN : capture.Get(VideoCaptureProperties.PosMsec) };
    }

    private static VideoCaptureAPIs CameraApi => OperatingSystem.IsLinux() ? VideoCaptureAPIs.V4L2 : OperatingSystem.IsWindows() ? VideoCaptureAPIs.MSMF : VideoCaptureAPIs.ANY;

    public bool Read(Mat frame)
    {
        if (_first is { } first)
        {
            first.CopyTo(frame);
            first.Dispose();
            _first = null;
            Stamp(_firstMsec);
            return true;
        }
        if (_capture.Read(frame) && !frame.Empty())
        {
            Stamp(_file ? _capture.Get(VideoCaptureProperties.PosMsec) : double.NaN);
            return true;
        }
        _ended = true;
        return false;
    }

    public TimeSpan? FrameTime { get; private set; }

    /// <summary>
    /// Counts a frame read and times it: its index over the rate, or the file's own timestamp
    /// (from the first frame's) where that is more than half a frame away and moves forwards, as
    /// in a phone's variable-frame-rate video. A frame whose time would not move forwards (OpenCV
    /// gives the last frames of some files no timestamp) comes one step after the frame before it.
    /// </summary>
    private void Stamp(double msec)
    {
        double seconds = _read / Fps;
        _read++;
        if (double.IsFinite(msec) && msec >= 0)
        {
            _originMsec ??= msec;
            double own = (msec - _originMsec.Value) / 1000;
            if (Math.Abs(own - seconds) > 0.5 / Fps && own > _lastSeconds) seconds = own;
        }
        if (_read == 1) _lastStep = 1 / Fps;
        else if (seconds <= _lastSeconds) seconds = _lastSeconds + _lastStep;
        else _lastStep = seconds - _lastSeconds;
        _lastSeconds = seconds;
        FrameTime = TimeSpan.FromSeconds(seconds);
    }

    public void Dispose()
    {
        _first?.Dispose();
        _capture.Dispose();
    }
}
