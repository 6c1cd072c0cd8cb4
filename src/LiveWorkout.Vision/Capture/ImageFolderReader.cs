using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

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
