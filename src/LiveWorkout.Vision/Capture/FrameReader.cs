using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>Reads frames of one source into a caller-owned Mat. Not thread-safe: the capture thread owns it.</summary>
public interface IFrameReader : IDisposable
{
    /// <summary>Frames per second the source declares (camera/stream/file) or was given (images).</summary>
    double Fps { get; }

    /// <summary>Total frames when known (files, image folders).</summary>
    long? FrameCount { get; }

    /// <summary>Reads the next frame into <paramref name="frame"/>; false at the end or when the source failed.</summary>
    bool Read(Mat frame);

    /// <summary>Frames that could not be decoded and were skipped (image folders).</summary>
    int Skipped { get; }

    /// <summary>
    /// Once reading ended: why the source gave less than all of itself (a clip that ended before
    /// its declared length, damaged images), naming the file; null when it gave everything.
    /// </summary>
    string? Problem => null;
}

/// <summary>Opens the reader for a source, failing with one line that says what to do.</summary>
public static class FrameReaders
{
    public static IFrameReader Open(SourceSpec spec, CaptureRequest request)
    {
        switch (spec.Kind)
        {
            case SourceKind.ImageFolder:
                return new ImageFolderReader(spec, request.Fps);
            case SourceKind.Stream when spec.Location.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                // OpenCV first (its FFmpeg reads any stream type where it was built with network
                // protocols); the official Linux runtime has none, so fall back to our MJPEG reader.
                return (IFrameReader?)VideoFrameReader.TryOpen(spec, request) ?? MjpegHttpReader.Open(spec.Location, request.Fps);
            case SourceKind.Stream:
                return VideoFrameReader.TryOpen(spec, request) ?? throw new SourceUnavailableException(
                    $"stream {spec.Location} could not be opened: check the URL and that the server is reachable " +
                    "(this OpenCV build may lack network protocols; phone and IP cameras also serve MJPEG over http, which always works)");
            default:
                return VideoFrameReader.Open(spec, request);
        }
    }
}

/// <summary>What to ask of a camera; files and streams ignore the size.</summary>
public sealed record CaptureRequest(int Width = 640, int Height = 480, double Fps = 30);

/// <summary>Cameras, streams and video files through OpenCV's VideoCapture (V4L2 and FFmpeg here).</summary>
public sealed class VideoFrameReader : IFrameReader
{
    private readonly VideoCapture _capture;
    private readonly string _location;
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
        if (spec.Kind == SourceKind.Camera)
        {
            capture.Set(VideoCaptureProperties.FrameWidth, request.Width);
            capture.Set(VideoCaptureProperties.FrameHeight, request.Height);
            capture.Set(VideoCaptureProperties.Fps, request.Fps);
        }
        double fps = capture.Fps is > 0 and < 1000 ? capture.Fps : request.Fps;
        long? count = spec.Kind == SourceKind.VideoFile && capture.FrameCount > 0 ? capture.FrameCount : null;
        return new VideoFrameReader(capture, spec.Location, fps, count);
    }

    private static VideoCaptureAPIs CameraApi => OperatingSystem.IsLinux() ? VideoCaptureAPIs.V4L2 : OperatingSystem.IsWindows() ? VideoCaptureAPIs.MSMF : VideoCaptureAPIs.ANY;

    public bool Read(Mat frame)
    {
        if (_capture.Read(frame) && !frame.Empty())
        {
            _read++;
            return true;
        }
        _ended = true;
        return false;
    }

    public void Dispose() => _capture.Dispose();
}

/// <summary>
/// A folder (or pattern) of images played as a clip at a given frame rate. Undecodable and
/// truncated files (a JPEG without its end marker, a PNG without its IEND chunk, which decoders
/// would fill with grey) are skipped and counted.
/// </summary>
public sealed class ImageFolderReader : IFrameReader
{
    private readonly IReadOnlyList<string> _files;
    private int _next;
    private string? _firstSkipped;

    public ImageFolderReader(SourceSpec spec, double fps)
    {
        _files = spec.ImageFiles();
        if (_files.Count == 0)
            throw new SourceUnavailableException($"no images (jpg, png, bmp, webp) in {spec.Location}{(spec.Pattern is null ? "" : " matching " + spec.Pattern)}: give a folder or pattern of image files, or a video file");
        Fps = fps;
    }

    public double Fps { get; }
    public long? FrameCount => _files.Count;
    public int Skipped { get; private set; }

    public string? Problem => Skipped == 0 ? null
        : Skipped == 1 ? $"{_firstSkipped} is damaged or truncated and was skipped"
        : $"{Skipped} images are damaged or truncated and were skipped, the first {_firstSkipped}";

    public bool Read(Mat frame)
    {
        while (_next < _files.Count)
        {
            string file = _files[_next++];
            using var image = ImageFileCheck.IsComplete(file) ? Cv2.ImRead(file, ImreadModes.Color) : new Mat();
            if (image.Empty())
            {
                Skipped++;
                _firstSkipped ??= file;
                continue;
            }
            image.CopyTo(frame);
            return true;
        }
        return false;
    }

    public void Dispose() { }
}
