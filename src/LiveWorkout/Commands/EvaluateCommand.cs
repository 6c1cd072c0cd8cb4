using System.CommandLine;
using LiveWorkout.Cli;
using LiveWorkout.Learning.Evaluation;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout evaluate`: a model package on a dataset, with the same report as training.</summary>
public static class EvaluateCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "Model package folder (model.json + model.dat)", Required = true };
    private static readonly Option<string> Data = new("--data") { Description = "Dataset folder of images or clips, one subfolder per class", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "Report folder", DefaultValueFactory = _ => "evaluation" };
    private static readonly Option<int> Workers = new("--workers") { Description = "Background loader threads", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount - 1) };
    private static readonly Option<double> Fps = new("--fps") { Description = "Clip datasets: frames sampled per second", DefaultValueFactory = _ => 2 };

    public static Command Create()
    {
        var command = new Command("evaluate", "Evaluate a model package on a dataset");
        foreach (Option o in new Option[] { Model, Data, Out, SharedOptions.Device, Workers, Fps }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                string device = services.GetRequiredService<IOptions<ModelOptions>>().Value.Device;
                return Task.Factory.StartNew(() =>
                {
                    new ModelEvaluation(context.Output).Run(parse.GetValue(Model)!, parse.GetValue(Data)!, parse.GetValue(Out)!, device, parse.GetValue(Workers), parse.GetValue(Fps), token);
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }
}
