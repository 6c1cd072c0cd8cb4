using System.CommandLine;
using LiveWorkout.Cli;
using LiveWorkout.Synthetic;

namespace LiveWorkout.Commands;

/// <summary>`bench synth`: synthetic frames per second at 320x240 and 640x480 on one core.</summary>
public static class SynthBench
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per size", DefaultValueFactory = _ => 3.0 };
        var command = new Command("synth", "Synthetic frames/s on one core at 320x240 and 640x480 (rendering, without video encoding)");
        command.Options.Add(seconds);
        command.SetHandler((parse, ct) => CommandRunner.RunAsync(LiveWorkoutCli.Context(parse, ct), (_, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{"size",-9} {"frames",7} {"frames/s",10} {"ms/frame",9} {"scene set-up ms",16}");
            foreach (var (w, h) in new[] { (320, 240), (640, 480) })
            {
                var row = SynthBenchmark.Run(w, h, TimeSpan.FromSeconds(parse.GetValue(seconds)));
                output.WriteLine($"{$"{w}x{h}",-9} {row.Frames,7} {row.FramesPerSecond,10:0.0} {1000 / row.FramesPerSecond,9:0.00} {row.SetupMilliseconds,16:0.0}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
