using System.Globalization;
using LiveWorkout.Core;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// What a source string names: a camera (index, device path or name), an http(s)/rtsp URL,
/// a video file, or a folder/pattern of images. Parsing checks what can be checked up front
/// and says what to do when the source cannot be used.
/// </summary>
public sealed record SourceSpec(SourceKind Kind, string Location, int CameraIndex = -1, string? Pattern = null)
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp"];

    /// <summary>Live sources run in real time: the latest frame wins and stale ones are dropped.</summary>
    public bool IsLive => Kind is SourceKind.Camera or SourceKind.Stream;

    public static SourceSpec Parse(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
            throw new InvalidInputException("no source given: pass a camera index (0), a URL, a video file or an image folder");
        source = source.Trim();

        if (int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            return new SourceSpec(SourceKind.Camera, $"camera {index}", index);
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "rtsp" or "rtmp" or "udp" or "tcp")
            return new SourceSpec(SourceKind.Stream, source);
        if (source.StartsWith("/dev/video", StringComparison.Ordinal))
        {
            if (!File.Exists(source)) throw new SourceUnavailableException($"camera {source} does not exist; 'liveworkout doctor' lists the cameras found");
            return new SourceSpec(SourceKind.Camera, source);
        }
        if (Directory.Exists(source))
            return new SourceSpec(SourceKind.ImageFolder, Path.GetFullPath(source));
        if (source.Contains('*', StringComparison.Ordinal) || source.Contains('?', StringComparison.Ordinal))
        {
            string dir = Path.GetDirectoryName(source) is { Length: > 0 } d ? d : ".";
            if (!Directory.Exists(dir)) throw new SourceUnavailableException($"folder {dir} of pattern {source} does not exist");
            return new SourceSpec(SourceKind.ImageFolder, Path.GetFullPath(dir), Pattern: Path.GetFileName(source));
        }
        if (File.Exists(source))
        {
            if (ImageExtensions.Contains(Path.GetExtension(source).ToLowerInvariant()))
                return new SourceSpec(SourceKind.ImageFolder, Path.GetFullPath(Path.GetDirectoryName(Path.GetFullPath(source))!), Pattern: Path.GetFileName(source));
            return new SourceSpec(SourceKind.VideoFile, Path.GetFullPath(source));
        }
        if (CameraDirectory.FindByName(source) is { } device)
            return new SourceSpec(SourceKind.Camera, device);
        throw new SourceUnavailableException(
            $"source '{source}' is not a camera index, a device or camera name, a URL, or an existing file or folder; 'liveworkout doctor' lists the cameras found");
    }

    /// <summary>The images of an image-folder source, in name order.</summary>
    public IReadOnlyList<string> ImageFiles()
    {
        if (Kind != SourceKind.ImageFolder) return [];
        return Directory.EnumerateFiles(Location, Pattern ?? "*")
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
