using System.Diagnostics;
using LiveWorkout.Learning.Native;
using LiveWorkout.Vision.Capture.Loopback;
using LiveWorkout.Synthetic;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LiveWorkout.Pipeline;

/// <summary>
/// The whole pipeline's figures on synthetic video rendered into a temporary folder: replay
/// throughput (640x480, 30 fps, as fast as possible), live capture-to-prediction and
/// capture-to-event latency against real-time MJPEG streams at 640x480 and 1280x720 served on
/// 127.0.0.1, the front end's own time per frame (the pose stage of a landmark model), and memory
/// sampled through a long small-frame replay (a plateau is fine, a slope is a leak).
/// </summary>
public sealed class PipelineBenchmark(PipelineBenchSettings settings, ILogger logger)
{
    public async Task<PipelineBenchReport> RunAsync(Action<string> progress, CancellationToken cancellation)
    {
        string folder = Directory.CreateTempSubdirectory("lw-bench-pipeline-").FullName;
        try
        {
            progress($"rendering {settings.ReplaySeconds:0} s of 640x480 synthetic video");
            string clip = Path.Combine(folder, "replay-640x480.mp4");
            SyntheticClipWriter.Write(clip, settings.Seed, new ClipOptions(640, 480, settings.ReplaySeconds, 30), cancellation);

            progress("replay: as fast as possible");
            var replay = await new RecognitionRun(Settings(clip), logger).RunAsync(cancellation).ConfigureAwait(false);
            var replayFigures = new ReplayFigures("640x480 @ 30 fps", replay.FramesClassified, replay.MediaDuration.TotalSeconds, replay.WallTime.TotalSeconds, replay.FramesPerSecond, replay.RealTimeFactor,
                Percentile(replay.FrontEndMs ?? [], 0.5), Percentile(replay.FrontEndMs ?? [], 0.95));

            var live = new List<LatencyFigures>();
            foreach (var (width, height) in new[] { (640, 480), (1280, 720) })
            {
                progress($"live: {settings.LiveSeconds:0} s of {width}x{height} MJPEG at 30 fps on 127.0.0.1");
                live.Add(await Live(clip, width, height, cancellation).ConfigureAwait(false));
            }

            progress($"memory: rendering {settings.MemorySeconds:0} s of 320x240 video, then replaying it");
            string longClip = Path.Combine(folder, "memory-320x240.mp4");
            SyntheticClipWriter.Write(longClip, settings.Seed + 1, new ClipOptions(320, 240, settings.MemorySeconds, 30), cancellation);
            var memory = await Memory(longClip, cancellation).ConfigureAwait(false);

            return new PipelineBenchReport(replay.Device, settings.ModelPath, Environment.ProcessorCount, CpuContention.LoadAverage() ?? -1, replayFigures, live, memory);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private RecognitionSettings Settings(string source) => new() { Source = source, ModelPath = settings.ModelPath, Device = settings.Device };

    private async Task<LatencyFigures> Live(string clip, int width, int height, CancellationToken cancellation)
    {
        // The stream replays the clip's frames (decoded, not rendered, so the server stays cheap), scaled to the stream's size.
        using var frames = new VideoCapture(clip, VideoCaptureAPIs.FFMPEG);
        using var decoded = new Mat();
        int total = (int)Math.Round(settings.LiveSeconds * 30);
        using var server = new MjpegStreamServer([total], 30, width, height, (_, mat) =>
        {
            if (!frames.Read(decoded) || decoded.Empty())
            {
                frames.Set(VideoCaptureProperties.PosFrames, 0);
                frames.Read(decoded);
            }
            if (decoded.Width == width && decoded.Height == height) decoded.CopyTo(mat);
            else Cv2.Resize(decoded, mat, new Size(width, height));
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var run = new RecognitionRun(Settings(server.Url) with { ReconnectMax = TimeSpan.FromSeconds(1) }, logger);
        run.EventRaised += e => { if (e is Core.Recognition.SourceLost) stop.Cancel(); };
        stop.CancelAfter(TimeSpan.FromSeconds(settings.LiveSeconds + 10));
        var result = await run.RunAsync(stop.Token).ConfigureAwait(false);
        return new LatencyFigures($"{width}x{height} MJPEG @ 30 fps", server.FramesSent, result.FramesClassified, result.FramesDropped,
            result.WallTime.TotalSeconds > 0 ? result.FramesClassified / result.WallTime.TotalSeconds : 0,
            Percentile(result.LatenciesMs, 0.5), Percentile(result.LatenciesMs, 0.95),
            result.EventLatenciesMs.Count, Percentile(result.EventLatenciesMs, 0.5), Percentile(result.EventLatenciesMs, 0.95),
            Percentile(result.FrontEndMs ?? [], 0.5), Percentile(result.FrontEndMs ?? [], 0.95), result.FlushedAtEnd, result.FlushAgeMs);
    }

    private async Task<MemoryFigures> Memory(string clip, CancellationToken cancellation)
    {
        var run = new RecognitionRun(Settings(clip), logger);
        var series = new List<MemoryPoint>();
        var clock = Stopwatch.StartNew();
        var task = run.RunAsync(cancellation);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(2), cancellation)).ConfigureAwait(false);
            if (task.IsCompleted) break;
            long frames = run.FramesClassified;
            var m = ProcessMemory.Take();
            series.Add(new MemoryPoint(clock.Elapsed.TotalSeconds, frames, frames / 30.0, m.ResidentBytes / 1048576.0, m.ManagedHeapBytes / 1048576.0,
                m.NativeHeapInUseBytes / 1048576.0, run.LiveTensors, m.NativeHeapHeldBytes / 1048576.0, m.ManagedCommittedBytes / 1048576.0));
        }
        var result = await task.ConfigureAwait(false);
        return new MemoryFigures("320x240 @ 30 fps", result.FramesClassified, series);
    }

    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
