using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

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
