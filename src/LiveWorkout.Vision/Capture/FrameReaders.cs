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
            case SourceKind.VideoFile:
                return OpenVideoFile(spec, request, FfmpegFrameReader.Locate());
            default:
                return VideoFrameReader.Open(spec, request);
        }
    }

    /// <summary>A video file or image folder at <paramref name="path"/>, read as replay reads it.</summary>
    public static IFrameReader OpenFile(string path) => Open(SourceSpec.Parse(path), new CaptureRequest());

    /// <summary>A video file: OpenCV first, then the <paramref name="ffmpeg"/> program (null: none installed) for codecs OpenCV's FFmpeg lacks.</summary>
    public static IFrameReader OpenVideoFile(SourceSpec spec, CaptureRequest request, string? ffmpeg)
    {
        if (VideoFrameReader.TryOpen(spec, request) is { } reader) return reader;
        if (ffmpeg is null)
            throw new SourceUnavailableException($"video {spec.Location} could not be read: OpenCV's FFmpeg cannot decode it (AV1 video, for one) and no ffmpeg program is installed to try; " +
                                                 "install it (sudo apt-get install ffmpeg; scripts/setup.sh does) or convert the video to H.264, and check that it plays in a video player");
        // ffmpeg's own reason ("moov atom not found") means nothing to the person with the file.
        return (IFrameReader?)FfmpegFrameReader.TryOpen(spec.Location, ffmpeg, out _) ?? throw new SourceUnavailableException(
            $"video {spec.Location} could not be read by OpenCV or by ffmpeg: it is damaged or not a video; check that it plays in a video player, or record it again");
    }
}
