using System.CommandLine;
using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Pipeline;
using LiveWorkout.Vision.Capture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout record`: raw frames of a camera, stream or file to an mp4; no model involved.</summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source", "-s") { Description = "Camera index (0), device, camera name, http(s)/rtsp URL, or a video file (default: Capture:Source)" };
        var output = new Option<string?>("--out", "-o") { Description = "mp4 to write (default: <Recordings:Folder>/<yyyyMMdd-HHmmss>.mp4)" };
        var duration = new Option<double?>("--duration-s") { Description = "Stop after this many seconds of video (default: until the source ends, Ctrl+C, q or Esc)" };
        var headless = new Option<bool>("--headless") { Description = "No preview window" };
        var command = new Command("record", "Record raw frames from a camera, stream or file to an mp4 (Ctrl+C, q or Esc stops)");
        foreach (var o in new Option[] { source, output, duration, headless }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct, (CaptureOptions.Section + ":Source", parse.GetValue(source)));
            return CommandRunner.RunAsync(context, async (services, token) =>
            {
                var capture = services.GetRequiredService<IOptions<CaptureOptions>>().Value;
                var folder = services.GetRequiredService<IOptions<RecordingOptions>>().Value.Folder;
                string path = parse.GetValue(output) ?? Path.Combine(folder, DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".mp4");
                if (!path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidInputException($"--out {path}: recordings are mp4 files; give a name ending in .mp4");
                if (parse.GetValue(duration) is <= 0) throw new InvalidInputException("--duration-s must be more than 0");

                var spec = SourceSpec.Parse(capture.Source);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
                using var preview = parse.GetValue(headless) ? null : new RecordingPreview($"LiveWorkout - recording {spec.Location}", stop);
                var recorder = new ClipRecorder(spec, new CaptureRequest(capture.Width, capture.Height, capture.Fps), path)
                {
                    MaxDuration = parse.GetValue(duration) is { } s ? TimeSpan.FromSeconds(s) : null,
                    FrameRead = preview is null ? null : preview.Show,
                };
                context.Output.WriteLine($"recording {spec.Location} to {path} ({(preview is null ? "Ctrl+C" : "Ctrl+C, q or Esc")} stops)");
                var clip = await recorder.RunAsync(stop.Token).ConfigureAwait(false);
                string how = clip.SourceEnded ? "the source ended" : token.IsCancellationRequested || stop.IsCancellationRequested ? "stopped" : "duration reached";
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{how}: wrote {clip.FramesWritten} frames ({clip.Duration.TotalSeconds:0.0} s at {clip.Fps:0.##} fps, {clip.FrameSize.Width}x{clip.FrameSize.Height}) to {clip.Path}"));
                if (clip.FramesWritten != clip.FramesRead)
                    context.Output.WriteLine($"{clip.FramesRead} frames came from the source; repeats and skips keep the clip in real time");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
