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

    /// <summary>
    /// The media time of the frame last read, from the file's own timestamps where they differ from
    /// its frame count over its rate (a phone's variable frame rate); null where that count is the time.
    /// </summary>
    TimeSpan? FrameTime => null;

    /// <summary>The media time of frame <paramref name="index"/> of a file or folder, the frame just read: its own, or its index over the rate.</summary>
    TimeSpan MediaTimeOf(long index) => FrameTime ?? TimeSpan.FromSeconds(index / Fps);

    /// <summary>Frames that could not be decoded and were skipped (image folders).</summary>
    int Skipped { get; }

    /// <summary>
    /// Once reading ended: why the source gave less than all of itself (a clip that ended before
    /// its declared length, damaged images), naming the file; null when it gave everything.
    /// </summary>
    string? Problem => null;
}
