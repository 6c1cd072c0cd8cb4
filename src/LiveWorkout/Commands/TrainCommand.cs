using System.CommandLine;
using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout train`: trains a model zoo architecture on a folder of images or clips into a run folder.</summary>
public static class TrainCommand
{
    private static readonly Option<string?> Data = new("--data") { Description = "Dataset folder: <class>/<image>, train|val|test/<class>/<image>, a manifest.csv, or <class>/<clip>.mp4" };
    private static readonly Option<string> Arch = new("--arch") { Description = "Architecture: ours, kimcnn, lenet or alexnet", DefaultValueFactory = _ => ModelZoo.OursName };
    private static readonly Option<string> Out = new("--out") { Description = "Run folder: model package, checkpoint, history, metrics, report", Required = true };
    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Epochs (default 30)" };
    private static readonly Option<int?> Batch = new("--batch") { Description = "Batch size (default: the architecture's)" };
    private static readonly Option<double?> Lr = new("--lr") { Description = "Learning rate (default: the architecture's)" };
    private static readonly Option<string?> Optimizer = new("--optimizer") { Description = "sgd, adam, adamw or rmsprop (default: the architecture's)" };
    private static readonly Option<string?> Schedule = new("--schedule") { Description = "constant, step or cosine (default: the architecture's)" };
    private static readonly Option<int?> Patience = new("--patience") { Description = "Stop after this many epochs without a better val accuracy; 0 = never (default 10)" };
    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed for split, shuffling, augmentation and weights (default 42)" };
    private static readonly Option<string?> Balance = new("--balance") { Description = "none, cap, oversample or weighted (default none)" };
    private static readonly Option<int?> Cap = new("--cap") { Description = "Images per class kept by --balance cap" };
    private static readonly Option<string?> Split = new("--split") { Description = "train,val,test fractions when the data is not split already (default 0.8,0.1,0.1)" };
    private static readonly Option<string?> Augment = new("--augment") { Description = "seed1, seed2, full or none (default: the architecture's)" };
    private static readonly Option<string?> Size = new("--size") { Description = "Input size WxH (default: the architecture's)" };
    private static readonly Option<string> Init = new("--init") { Description = "Start from the CNN weights of this model package (fine-tuning; same architecture, classes and --size)" };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue the run in --out from its checkpoint" };
    private static readonly Option<string?> Mask = new("--mask") { Description = "Regions to blank, x,y,w,h as fractions of the frame, several separated by ';' (burned-in captions: '0,0,0.5,0.25;0,0.75,1,0.25')" };
    private static readonly Option<int?> Workers = new("--workers") { Description = "Background loader threads (default: cores - 1)" };
    private static readonly Option<double?> Fps = new("--fps") { Description = "Clip datasets: frames sampled per second (default 2)" };

    public static Command Create()
    {
        var command = new Command("train", "Train a classifier and write a model package and report");
        foreach (Option o in new Option[] { Data, Arch, Out, Epochs, Batch, Lr, Optimizer, Schedule, Patience, Seed, SharedOptions.Device, Balance, Cap, Split, Augment, Size, Init, Resume, Mask, Workers, Fps })
            command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                string device = services.GetRequiredService<IOptions<ModelOptions>>().Value.Device;
                var run = new TrainingRun(context.Output, interactive: ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected);
                string output = parse.GetValue(Out)!;
                // Tensor work stays on one dedicated thread: dispose scopes are thread-static.
                return Task.Factory.StartNew(() =>
                {
                    if (parse.GetValue(Resume))
                        run.Resume(output, parse.GetValue(Epochs), parse.GetValue(SharedOptions.Device) is null ? null : device, parse.GetValue(Workers), token);
                    else
                        run.Start(Options(parse, output, device), token);
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }

    private static TrainingOptions Options(ParseResult parse, string output, string device)
    {
        string data = parse.GetValue(Data) ?? throw new InvalidInputException("--data is required (a dataset folder), unless --resume continues a run");
        var o = TrainingOptions.ForArchitecture(parse.GetValue(Arch)!, data, output) with { Device = device };
        var (w, h) = ParseSize(parse.GetValue(Size));
        return o with
        {
            Epochs = parse.GetValue(Epochs) ?? o.Epochs,
            BatchSize = parse.GetValue(Batch) ?? o.BatchSize,
            LearningRate = parse.GetValue(Lr) ?? o.LearningRate,
            Optimizer = parse.GetValue(Optimizer)?.ToLowerInvariant() ?? o.Optimizer,
            Schedule = parse.GetValue(Schedule)?.ToLowerInvariant() ?? o.Schedule,
            Patience = parse.GetValue(Patience) ?? o.Patience,
            Seed = parse.GetValue(Seed) ?? o.Seed,
            Balance = parse.GetValue(Balance) ?? o.Balance,
            Cap = parse.GetValue(Cap) ?? o.Cap,
            Split = parse.GetValue(Split) ?? o.Split,
            Augment = parse.GetValue(Augment) ?? o.Augment,
            Width = w,
            Height = h,
            Masks = ParseMasks(parse.GetValue(Mask)),
            Workers = parse.GetValue(Workers) ?? o.Workers,
            FramesPerSecond = parse.GetValue(Fps) ?? o.FramesPerSecond,
            InitFrom = parse.GetValue(Init),
        };
    }

    internal static (int Width, int Height) ParseSize(string? text)
    {
        if (text is null) return (0, 0);
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int h) && w > 0 && h > 0)
            return (w, h);
        throw new InvalidInputException($"--size '{text}' is not WxH, like 112x112");
    }

    internal static IReadOnlyList<MaskRegion>? ParseMasks(string? text) =>
        text is null ? null : text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseMask).ToList();

    private static MaskRegion ParseMask(string text)
    {
        var v = text.Split(',').Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToArray();
        if (v.Length != 4 || v.Any(double.IsNaN)) throw new InvalidInputException($"--mask '{text}' is not x,y,w,h fractions, like 0,0,0.6,0.15");
        return new MaskRegion(v[0], v[1], v[2], v[3]);
    }
}
