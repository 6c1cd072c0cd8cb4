using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>Opens an mp4 for writing (MPEG-4 part 2, 'mp4v': what this OpenCV's FFmpeg encodes), failing with one actionable line.</summary>
public static class Mp4Writer
{
    public static VideoWriter Open(string path, double fps, Size size)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var writer = new VideoWriter(path, FourCC.FromFourChars('m', 'p', '4', 'v'), fps, size);
        if (!writer.IsOpened())
        {
            writer.Dispose();
            throw new StorageException($"OpenCV cannot write mp4 video to {path}: check 'liveworkout doctor' (FFmpeg) and that the folder is writable");
        }
        return writer;
    }
}
