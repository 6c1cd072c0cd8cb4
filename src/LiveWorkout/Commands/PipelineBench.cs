using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>`bench pipeline`: replay frames/s and real-time factor, live latency, memory plateau of the whole pipeline.</summary>
public static class PipelineBench
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Length of the 640x480 replay clip in seconds", DefaultValueFactory = _ => 60 };
        var live = new Option<double>("--live-seconds") { Description = "Length of the live loopback stream", DefaultValueFactory = _ => 20 };
        var memory = new Option<double>("--memory-seconds") { Description = "Length of the 320x240 clip replayed for the memory series", DefaultValueFactory = _ => 300 };
        var command = new Command("pipeline", "Whole pipeline on synthetic video: replay frames/s, live capture-to-prediction/event latency (loopback MJPEG), memory over a long replay");
        foreach (Option o in new Option[] { SharedOptions.Model, SharedOptions.Device, seconds, live, memory, BenchCommand.Json }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, async (services, token) =>
            {
                foreach (var (name, value) in new[] { ("--seconds", parse.GetValue(seconds)), ("--live-seconds", parse.GetValue(live)), ("--memory-seconds", parse.GetValue(memory)) })
                    if (value is < 2 or > 3600) throw new InvalidInputException($"{name} must be between 2 and 3600");
                var options = services.GetRequiredService<IOptions<ModelOptions>>().Value;
                Learning.Packaging.ModelPackage.Load(options.Path).Dispose(); // a missing model fails before anything is rendered
                bool asJson = parse.GetValue(BenchCommand.Json);
                var bench = services.GetRequiredService<RecognitionPipeline>().Benchmark(parse.GetValue(seconds), parse.GetValue(live), parse.GetValue(memory));
                var report = await bench.RunAsync(line => { if (!asJson) context.Error.WriteLine(line); }, token).ConfigureAwait(false);
                if (asJson) context.Output.WriteLine(JsonSerializer.Serialize(report, TorchBench.JsonOptions));
                else Print(report, context.Output);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static void Print(PipelineBenchReport r, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"device: {r.Device}, model: {r.Model}, {r.Cores} cores, load average {r.LoadAverage1Min:0.00} at the end"));
        o.WriteLine();
        o.WriteLine("replay (as fast as possible)");
        o.WriteLine($"{"clip",-18} {"frames",7} {"video s",8} {"wall s",7} {"frames/s",9} {"x real time",12} {"front end p50/p95 ms",21}");
        var p = r.Replay;
        o.WriteLine(string.Create(inv, $"{p.Clip,-18} {p.Frames,7} {p.MediaSeconds,8:0.0} {p.WallSeconds,7:0.0} {p.FramesPerSecond,9:0.0} {p.RealTimeFactor,12:0.00} {$"{p.FrontEndP50Ms:0.0} / {p.FrontEndP95Ms:0.0}",21}"));
        o.WriteLine();
        o.WriteLine("live (latest frame wins; the front end is the pixel preprocessing or the pose stage)");
        o.WriteLine($"{"stream",-26} {"sent",5} {"classified",10} {"per s",6} {"dropped",8} {"capture->prediction p50/p95 ms",31} {"events",7} {"capture->event p50/p95 ms",26} {"front end p50/p95 ms",21}");
        foreach (var l in r.Live)
            o.WriteLine(string.Create(inv, $"{l.Stream,-26} {l.FramesSent,5} {l.FramesClassified,10} {l.AnalysedPerSecond,6:0.0} {l.FramesDropped,8} {$"{l.PredictionP50Ms:0.0} / {l.PredictionP95Ms:0.0}",31} {l.Events,7} {$"{l.EventP50Ms:0.0} / {l.EventP95Ms:0.0}",26} {$"{l.FrontEndP50Ms:0.0} / {l.FrontEndP95Ms:0.0}",21}"));
        foreach (var l in r.Live.Where(l => l.FlushedAtEnd > 0))
            o.WriteLine(string.Create(inv, $"{l.Stream}: the last {l.FlushedAtEnd} results (the temporal head's look-ahead) came when the stream ended, {l.FlushAgeMs:0.0} ms after its last frame; they and their events are not in the percentiles"));
        o.WriteLine();
        o.WriteLine($"memory through a replay of {r.Memory.Frames} frames ({r.Memory.Clip})");
        o.WriteLine("(in use: managed and native heap MB; held: what the GC has committed and glibc's malloc holds from the OS, in use or kept for reuse)");
        o.WriteLine($"{"wall s",7} {"frames",7} {"video s",8} {"RSS MB",8} {"managed MB",11} {"native heap MB",15} {"tensors",8} {"GC held MB",11} {"malloc held MB",15}");
        foreach (var m in r.Memory.Series)
            o.WriteLine(string.Create(inv, $"{m.WallSeconds,7:0.0} {m.Frames,7} {m.MediaSeconds,8:0.0} {m.ResidentMb,8:0.0} {m.ManagedMb,11:0.0} {m.NativeHeapMb,15:0.0} {m.InferenceThreadTensors,8} {m.ManagedCommittedMb,11:0.0} {m.NativeHeldMb,15:0.0}"));
    }
}
