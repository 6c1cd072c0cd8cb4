using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using LiveWorkout.Cli;
using LiveWorkout.Learning.Benchmarks;
using LiveWorkout.Learning.Native;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>
/// `bench torch`: the seed-2 CNN on 3x100x100 input, inference at batch 1/8/64 and training at
/// batch 64, on the configured device. By default it also runs itself again in a child process
/// with glibc's allocator defaults, to show what the allocator tuning buys.
/// </summary>
public static class TorchBench
{
    private static readonly Option<string> Allocator = new("--allocator")
    {
        Description = "both: also measure glibc defaults in a child process; current: this process only",
        DefaultValueFactory = _ => "both",
    };

    public static Command Create()
    {
        var command = new Command("torch", "Images/s of a 4-conv CNN (3x100x100): inference at batch 1, 8, 64 and training at batch 64");
        command.Options.Add(BenchCommand.Json);
        command.Options.Add(SharedOptions.Device);
        command.Options.Add(BenchCommand.RowSeconds);
        command.Options.Add(Allocator.AcceptOnlyFromAmong("both", "current"));
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<ModelOptions>>().Value;
                var device = TorchRuntime.SelectDevice(options.Device);
                double seconds = parse.GetValue(BenchCommand.RowSeconds);

                var report = new TorchBenchReport(
                    TorchRuntime.DescribeDevice(device), AllocatorTuning.Status, Environment.ProcessorCount,
                    new TorchBenchmark(device, TimeSpan.FromSeconds(seconds)).Run([1, 8, 64], 64), null);

                if (parse.GetValue(Allocator) == "both" && AllocatorTuning.IsActive)
                    report = report with { GlibcDefaults = await RunWithGlibcDefaults(options.Device, seconds, token).ConfigureAwait(false) };

                if (parse.GetValue(BenchCommand.Json)) context.Output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
                else PrintTable(report, context.Output);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static void PrintTable(TorchBenchReport report, TextWriter output)
    {
        output.WriteLine($"device: {report.Device}");
        output.WriteLine($"allocator: {report.Allocator}");
        bool compare = report.GlibcDefaults is not null;
        output.WriteLine(compare
            ? $"{"mode",-10} {"batch",5} {"img/s",10} {"ms/batch",10} {"img/s glibc default",20} {"speed-up",9}"
            : $"{"mode",-10} {"batch",5} {"img/s",10} {"ms/batch",10}");
        foreach (var row in report.Rows)
        {
            string line = $"{row.Mode,-10} {row.Batch,5} {row.ImagesPerSecond,10:0.0} {row.MillisecondsPerBatch,10:0.00}";
            var other = report.GlibcDefaults?.FirstOrDefault(r => r.Mode == row.Mode && r.Batch == row.Batch);
            if (other is not null) line += $" {other.ImagesPerSecond,20:0.0} {row.ImagesPerSecond / other.ImagesPerSecond,8:0.00}x";
            output.WriteLine(line);
        }
        var b1 = report.Rows.First(r => r.Mode == "inference" && r.Batch == 1);
        var b64 = report.Rows.First(r => r.Mode == "inference" && r.Batch == 64);
        output.WriteLine($"batch 64 vs batch 1 per image: {b64.ImagesPerSecond / b1.ImagesPerSecond:0.00}x");
    }

    /// <summary>Runs `bench torch --json --allocator current` again with LIVEWORKOUT_MALLOC_TUNING=0.</summary>
    private static async Task<IReadOnlyList<TorchBenchRow>?> RunWithGlibcDefaults(string device, double seconds, CancellationToken token)
    {
        var start = SelfInvocation(["bench", "torch", "--json", "--allocator", "current", "--device", device, "--seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        start.Environment[AllocatorTuning.DisableVariable] = "0";
        start.RedirectStandardOutput = true;
        using var child = Process.Start(start)!;
        string json = await child.StandardOutput.ReadToEndAsync(token).ConfigureAwait(false);
        await child.WaitForExitAsync(token).ConfigureAwait(false);
        if (child.ExitCode != 0) return null;
        return JsonSerializer.Deserialize<TorchBenchReport>(json, JsonOptions)?.Rows;
    }

    /// <summary>A start-info that runs this same program (apphost or 'dotnet liveworkout.dll') with other arguments.</summary>
    internal static ProcessStartInfo SelfInvocation(IEnumerable<string> args)
    {
        string host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(TorchBench).Assembly.Location);
        foreach (string a in args) start.ArgumentList.Add(a);
        return start;
    }
}
