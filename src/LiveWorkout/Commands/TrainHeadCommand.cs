using System.CommandLine;
using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout train-head`: adds a temporal head, trained on labelled clips, to a model package.</summary>
public static class TrainHeadCommand
{
    private static readonly Option<string[]> Clips = new("--clips") { Description = "Folders of labelled clips (<clip>.mp4 + <clip>.labels.csv), or clips; repeatable", Required = true, AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string> Out = new("--out") { Description = "Package folder to write: the model plus its temporal head", Required = true };
    private static readonly Option<int> Epochs = new("--epochs") { Description = "Epochs", DefaultValueFactory = _ => 20 };
    private static readonly Option<int> Every = new("--every") { Description = "Use every n-th frame of the clips (3: 10 of 30 fps, so 0.2 s steps fall on stored frames)", DefaultValueFactory = _ => 3 };
    private static readonly Option<int> Steps = new("--steps") { Description = "Embeddings per window", DefaultValueFactory = _ => TemporalHeadSpec.Default.Steps };
    private static readonly Option<double> StepSeconds = new("--step-s") { Description = "Seconds between the window's embeddings", DefaultValueFactory = _ => TemporalHeadSpec.Default.StepSeconds };
    private static readonly Option<double> LookAhead = new("--look-ahead-s") { Description = "Seconds after a frame that its window reaches (results come that much later)", DefaultValueFactory = _ => TemporalHeadSpec.Default.LookAheadSeconds };
    private static readonly Option<double> FrameWeight = new("--frame-weight") { Description = "Weight of the CNN's own verdict on the frame in the result, 0 to 1", DefaultValueFactory = _ => TemporalHeadSpec.Default.FrameWeight };
    private static readonly Option<int> MotionGrid = new("--motion-grid") { Description = "Motion the heads see beside the embeddings: how much each of N x N cells of the input changed over one step (0: none)", DefaultValueFactory = _ => TemporalHeadSpec.Default.Motion?.Grid ?? 0 };
    private static readonly Option<int> Hidden = new("--hidden") { Description = "Width of the head's layers", DefaultValueFactory = _ => TemporalHeadSpec.Default.Hidden };
    private static readonly Option<int> PhaseEpochs = new("--phase-epochs") { Description = "Epochs of the phase head the rep counter follows, trained where the labels give rep times (0: none)", DefaultValueFactory = _ => new HeadTrainingOptions().PhaseEpochs };
    private static readonly Option<double> Lr = new("--lr") { Description = "Learning rate (AdamW, cosine schedule)", DefaultValueFactory = _ => 2e-3 };
    private static readonly Option<double> WeightDecay = new("--weight-decay") { Description = "AdamW weight decay", DefaultValueFactory = _ => 0.05 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed for the clip split, shuffling and weights", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Cache = new("--cache") { Description = "Folder to keep the clips' embeddings in, so another run skips the CNN" };

    public static Command Create()
    {
        var command = new Command("train-head", "Train a temporal head (context of the last seconds) and a rep-phase head for a model package on labelled clips");
        foreach (Option o in new Option[] { SharedOptions.Model, Clips, Out, Epochs, PhaseEpochs, Every, Steps, StepSeconds, LookAhead, FrameWeight, MotionGrid, Hidden, Lr, WeightDecay, Seed, Cache, SharedOptions.Device }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;
                var options = Options(parse, model.Path, model.Device);
                // Tensor work stays on one dedicated thread: dispose scopes are thread-static.
                return Task.Factory.StartNew(() =>
                {
                    new HeadTrainingRun(context.Output).Run(options, token);
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }

    internal static HeadRunOptions Options(ParseResult parse, string model, string device)
    {
        int motionGrid = parse.GetValue(MotionGrid);
        if (motionGrid is < 0 or > 32) throw new InvalidInputException($"--motion-grid {motionGrid} must be between 0 (no motion) and 32");
        double stepSeconds = parse.GetValue(StepSeconds);
        var motion = motionGrid == 0 ? null : new MotionSpec(motionGrid, stepSeconds);
        var spec = new TemporalHeadSpec(parse.GetValue(Steps), stepSeconds, parse.GetValue(Hidden), parse.GetValue(LookAhead), parse.GetValue(FrameWeight), motion);
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"--steps/--step-s/--look-ahead-s/--frame-weight/--motion-grid/--hidden: {e.Message}");
        }
        int epochs = parse.GetValue(Epochs), every = parse.GetValue(Every);
        double lr = parse.GetValue(Lr);
        if (epochs is < 1 or > 10_000) throw new InvalidInputException("--epochs must be between 1 and 10000");
        int phaseEpochs = parse.GetValue(PhaseEpochs);
        if (phaseEpochs is < 0 or > 10_000) throw new InvalidInputException("--phase-epochs must be between 0 and 10000");
        if (every is < 1 or > 1000) throw new InvalidInputException("--every must be between 1 and 1000");
        if (lr is <= 0 or > 1) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--lr {lr} must be above 0 and at most 1"));
        double decay = parse.GetValue(WeightDecay);
        if (decay is < 0 or > 10) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--weight-decay {decay} must be between 0 and 10"));
        var training = new HeadTrainingOptions { Spec = spec, Epochs = epochs, PhaseEpochs = phaseEpochs, LearningRate = lr, WeightDecay = decay, Seed = parse.GetValue(Seed) };
        return new HeadRunOptions(model, parse.GetValue(Clips)!, parse.GetValue(Out)!, device, every, parse.GetValue(Cache), training);
    }
}
