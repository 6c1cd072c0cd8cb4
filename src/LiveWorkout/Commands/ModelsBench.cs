using System.CommandLine;
using System.Text.Json;
using LiveWorkout.Cli;
using LiveWorkout.Learning.Benchmarks;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Native;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>`bench models`: parameters, MACs per image and training/inference examples/sec of every architecture.</summary>
public static class ModelsBench
{
    private static readonly Option<int> Batch = new("--batch") { Description = "Batch size", DefaultValueFactory = _ => 32 };
    private static readonly Option<string[]> Arch = new("--arch") { Description = "Architectures (default: all)", AllowMultipleArgumentsPerToken = true };

    public static Command Create()
    {
        var command = new Command("models", "Params, MACs/image and examples/sec (training, inference) of each architecture on random tensors");
        foreach (Option o in new Option[] { BenchCommand.Json, SharedOptions.Device, BenchCommand.RowSeconds, Batch, Arch }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                var device = TorchRuntime.SelectDevice(services.GetRequiredService<IOptions<ModelOptions>>().Value.Device);
                var names = parse.GetValue(Arch) is { Length: > 0 } a ? a : ModelZoo.Names.ToArray();
                foreach (string n in names) ModelZoo.Get(n);
                return Task.Factory.StartNew(() =>
                {
                    var rows = new ModelZooBenchmark(device, TimeSpan.FromSeconds(parse.GetValue(BenchCommand.RowSeconds)), parse.GetValue(Batch), 11).Run(names);
                    if (parse.GetValue(BenchCommand.Json)) context.Output.WriteLine(JsonSerializer.Serialize(rows, TorchBench.JsonOptions));
                    else
                    {
                        context.Output.WriteLine($"device: {TorchRuntime.DescribeDevice(device)}, batch {parse.GetValue(Batch)}, 11 classes");
                        context.Output.WriteLine($"{"arch",-8} {"input",-10} {"params",12} {"MACs/image",14} {"train ex/s",11} {"infer img/s",12}");
                        foreach (var r in rows)
                            context.Output.WriteLine($"{r.Architecture,-8} {r.Input,-10} {r.Parameters,12:N0} {r.MacsPerImage,14:N0} {r.TrainExamplesPerSecond,11:0.0} {r.InferenceImagesPerSecond,12:0.0}");
                    }
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }
}
