using System.Diagnostics;
using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>
/// Copies raw frames of a source into an mp4 (mp4v) on one thread with one reused Mat: no model,
/// no preprocessing. Live sources are written on the wall clock at their declared frame rate
/// (a late frame is repeated, one that comes before its slot is skipped), so the clip plays back at
/// the speed it was filmed even when the camera delivers unevenly. Ends when the source ends,
/// when <see cref="MaxDuration"/> is reached or when cancelled; the writer is always released,
/// which is what makes the mp4 playable.
/// </summary>
public sealed class ClipRecorder(SourceSpec source, CaptureRequest request, string path)
{
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>Each raw frame on the recording thread (a preview window); do not keep it.</summary>
    public Action<Mat, TimeSpan>? FrameRead { get; init; }

    /// <summary>Opens the source (failing with one line), then records until the end; runs on a dedicated thread.</summary>
    public Task<RecordedClip> RunAsync(CancellationToken cancellation)
    {
        var reader = FrameReaders.Open(source, request);
        var done = new TaskCompletionSource<RecordedClip>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(Record(reader, cancellation)); }
            catch (Exception e) { done.SetException(e); }
            finally { reader.Dispose(); }
        })
        { IsBackground = true, Name = "clip-recorder" };
        thread.Start();
        return done.Task;
    }

    private RecordedClip Record(IFrameReader reader, CancellationToken cancellation)
    {
        using var frame = new Mat();
        VideoWriter? writer = null;
        var clock = Stopwatch.StartNew();
        long read = 0, written = 0;
        bool ended = false;
        double fps = reader.Fps;
        // A live clip never runs past MaxDuration: when the last read stalls past the deadline,
        // the wall clock would otherwise have it padded with copies up to the moment it came.
        long maxFrames = source.IsLive && MaxDuration is { } max ? Math.Max(1, (long)Math.Round(max.TotalSeconds * fps)) : long.MaxValue;
        Size size = default;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                TimeSpan media = source.IsLive ? clock.Elapsed : TimeSpan.FromSeconds(read / fps);
                if (MaxDuration is { } limit && media >= limit) break;
                if (!reader.Read(frame)) { ended = true; break; }
                read++;
                if (writer is null)
                {
                    size = frame.Size();
                    writer = Open(path, size, fps);
                }
                else if (frame.Size() != size)
                {
                    throw new SourceUnavailableException($"the source changed its frame size from {size.Width}x{size.Height} to {frame.Width}x{frame.Height} while recording; {path} holds what came before");
                }
                FrameRead?.Invoke(frame, media);

                // Live: as many copies as the wall clock says are due (none when the camera runs ahead).
                long due = source.IsLive ? (long)Math.Floor(clock.Elapsed.TotalSeconds * fps) + 1 - written : 1;
                if (written == 0) due = 1;
                due = Math.Min(due, maxFrames - written);
                if (due <= 0) continue;
                for (long i = 0; i < due; i++) writer.Write(frame);
                written += due;
            }
        }
        finally
        {
            writer?.Release();
            writer?.Dispose();
        }
        if (writer is null) throw new SourceUnavailableException($"{source.Location} delivered no frames: nothing was recorded");
        return new RecordedClip(path, read, written, fps, size, TimeSpan.FromSeconds(written / fps), ended);
    }

    private static VideoWriter Open(string path, Size size, double fps)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var writer = new VideoWriter(path, FourCC.FromFourChars('m', 'p', '4', 'v'), fps, size);
        if (writer.IsOpened()) return writer;
        writer.Dispose();
        throw new StorageException($"cannot write the recording {path}: check the folder is writable and the name ends in .mp4");
    }
}
