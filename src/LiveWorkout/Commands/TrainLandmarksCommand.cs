using System.CommandLine;
using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout train-landmarks`: a landmark model (pose stage + sequence model) trained on the synthetic world's joints.</summary>
public static class TrainLandmarksCommand
{
    /// <summary>
    /// 16 steps 0.2 s apart, the last five after the frame: 2 s of past and 1 s of future, long
    /// enough for a slow curl, and five samples a second see a running stride's cycle.
    /// </summary>
    public static readonly TemporalHeadSpec DefaultSpec = new(16, 0.2, 96, 1.0);

    private static readonly Option<string> Out = new("--out") { Description = "Package folder to write (pose models are referenced from models/pose)", Required = true };
    private static readonly Option<int> Sessions = new("--sessions") { Description = "Synthetic sessions to train on (6400: about 17 minutes and 12 GB of memory on 2 cores; 1600: 4 minutes, 3 GB)", DefaultValueFactory = _ => 6400 };
    private static readonly Option<int> DataSeed = new("--data-seed") { Description = "Seed of the first synthetic session", DefaultValueFactory = _ => 5000 };
    private static readonly Option<double> Duration = new("--duration-s") { Description = "Seconds of each session", DefaultValueFactory = _ => 75 };
    private static readonly Option<bool> Exact = new("--exact") { Description = "Train on the exact joints, without making them look like a pose model's output" };
    private static readonly Option<double> MinTempo = new("--min-tempo") { Description = "Slowest playback of a session (0.5: twice as slow)", DefaultValueFactory = _ => 0.45 };
    private static readonly Option<double> MaxTempo = new("--max-tempo") { Description = "Fastest playback of a session", DefaultValueFactory = _ => 1.25 };
    private static readonly Option<double> Holds = new("--holds") { Description = "Share of sessions in which the person now and then holds still mid-rep, 0 to 1 (default 0)" };
    private static readonly Option<double> ShortClipsOption = new("--short-clips") { Description = "Share of sessions cut into short clips of 2-15 s that start and end mid-set, half of them holding their picture after 1-3 s, as demonstration videos do; 0 to 1 (default 0)" };
    private static readonly Option<string?> PoseData = new("--pose-data") { Description = "Folder of .pose files trained on beside the synthetic joints: rendered sessions ('synth pose') or labelled clips ('landmarks') as the pose stage saw them" };
    private static readonly Option<int> PoseDataCopies = new("--pose-data-copies") { Description = "Times each --pose-data clip is trained on, each copy with its own mirror draw (a few recordings weigh little beside thousands of sessions)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> Epochs = new("--epochs") { Description = "Epochs (one pass over many sessions beats many passes over few)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> PhaseEpochs = new("--phase-epochs") { Description = "Epochs of the phase head the rep counter follows (0: none)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> Hidden = new("--hidden") { Description = "Width of the head's layers", DefaultValueFactory = _ => DefaultSpec.Hidden };
    private static readonly Option<int> Steps = new("--steps") { Description = "Steps of the heads' window, 0.2 s apart, the last five after the frame (16: 2 s of past)", DefaultValueFactory = _ => DefaultSpec.Steps };
    private static readonly Option<double> Lr = new("--lr") { Description = "Learning rate (AdamW, cosine schedule)", DefaultValueFactory = _ => 2e-3 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed for the split, shuffling and weights", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> PoseFolder = new("--pose-models") { Description = "Folder of the pose models, relative to --out", DefaultValueFactory = _ => "../pose" };
    private static readonly Option<string> Exercises = SynthCommand.ExercisesOption();
    private static readonly Option<string?> IdleExercisesOption = new("--idle-exercises") { Description = "Exercises outside --exercises that a share of the sessions also draws, labelled idle, so the model learns them as none of its own (comma-separated)" };
    private static readonly Option<double> IdleShareOption = new("--idle-exercise-share") { Description = "Share of sessions that draw --idle-exercises too, 0 to 1", DefaultValueFactory = _ => 0.3 };
    private static readonly Option<string?> MoreExercises = new("--more-exercises") { Description = "A landmark model of more exercises, relative to --out (e.g. ../landmarks-all), whose other exercises the new model names where it would say idle" };
    private static readonly Option<bool> NoDetector = new("--no-detector") { Description = "Find people with the landmark model alone (no person detector)" };

    public static Command Create()
    {
        var command = new Command("train-landmarks", "Train a landmark model (body landmarks -> exercise per frame and rep phase) on the synthetic world's joints");
        foreach (Option o in new Option[] { Out, Sessions, DataSeed, Duration, Exact, MinTempo, MaxTempo, Holds, ShortClipsOption, PoseData, PoseDataCopies, Epochs, PhaseEpochs, Hidden, Steps, Lr, Seed, PoseFolder, NoDetector, Exercises, IdleExercisesOption, IdleShareOption, MoreExercises, SharedOptions.Device }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = LiveWorkoutCli.Context(parse, ct);
            return CommandRunner.RunAsync(context, (services, token) =>
            {
                var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;
                var options = Options(parse, model.Device);
                return Task.Factory.StartNew(() =>
                {
                    new LandmarkTrainingRun(context.Output).Run(options, token);
                    return ExitCodes.Ok;
                }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            });
        });
        return command;
    }

    internal static LandmarkRunOptions Options(ParseResult parse, string device)
    {
        int sessions = parse.GetValue(Sessions), epochs = parse.GetValue(Epochs), phaseEpochs = parse.GetValue(PhaseEpochs);
        double duration = parse.GetValue(Duration), minTempo = parse.GetValue(MinTempo), maxTempo = parse.GetValue(MaxTempo), lr = parse.GetValue(Lr);
        if (sessions is < 2 or > 100_000) throw new InvalidInputException("--sessions must be between 2 and 100000");
        if (duration is < 10 or > 3600) throw new InvalidInputException("--duration-s must be between 10 and 3600");
        if (!(minTempo >= 0.1 && minTempo <= maxTempo && maxTempo <= 4))
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--min-tempo {minTempo} and --max-tempo {maxTempo} must satisfy 0.1 <= min <= max <= 4"));
        double holds = parse.GetValue(Holds);
        if (!(holds >= 0 && holds <= 1)) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--holds {holds} must be between 0 and 1"));
        double shortClips = parse.GetValue(ShortClipsOption);
        if (!(shortClips >= 0 && shortClips <= 1)) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--short-clips {shortClips} must be between 0 and 1"));
        if (epochs is < 1 or > 10_000) throw new InvalidInputException("--epochs must be between 1 and 10000");
        int copies = parse.GetValue(PoseDataCopies);
        if (copies is < 1 or > 10_000) throw new InvalidInputException("--pose-data-copies must be between 1 and 10000");
        if (phaseEpochs is < 0 or > 10_000) throw new InvalidInputException("--phase-epochs must be between 0 and 10000");
        if (!(lr > 0 && lr <= 1)) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--lr {lr} must be above 0 and at most 1"));
        var spec = DefaultSpec with { Hidden = parse.GetValue(Hidden), Steps = parse.GetValue(Steps) };
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"--hidden or --steps: {e.Message}");
        }
        string poseFolder = parse.GetValue(PoseFolder) ?? "../pose";
        var pose = new PoseSpec($"{poseFolder}/pose_landmark_full.tflite", parse.GetValue(NoDetector) ? null : $"{poseFolder}/pose_detection.tflite", LandmarkFeatures.Size);
        var vocabulary = ExerciseCatalog.Vocabulary(parse.GetValue(Exercises)!);
        IReadOnlyList<string>? idleExercises = null;
        if (parse.GetValue(IdleExercisesOption) is { } idleSpec)
        {
            idleExercises = [.. ExerciseCatalog.Vocabulary(idleSpec, "--idle-exercises").Where(e => !ExerciseCatalog.IsIdle(e))];
            if (idleExercises.FirstOrDefault(vocabulary.Contains) is { } both)
                throw new InvalidInputException($"--idle-exercises: {both} is one of the model's own exercises (--exercises)");
        }
        double idleShare = parse.GetValue(IdleShareOption);
        if (!(idleShare >= 0 && idleShare <= 1)) throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"--idle-exercise-share {idleShare} must be between 0 and 1"));
        var data = new SyntheticLandmarkOptions(sessions, parse.GetValue(DataSeed), duration, SyntheticLandmarkOptions.DefaultStepSeconds, !parse.GetValue(Exact), minTempo, maxTempo, holds,
            vocabulary, shortClips, idleExercises, idleExercises is null ? 0 : idleShare);
        var training = new HeadTrainingOptions { Spec = spec, Epochs = epochs, PhaseEpochs = phaseEpochs, LearningRate = lr, Seed = parse.GetValue(Seed), JitterShare = 0.3, AnnealPerBatch = true };
        string? more = parse.GetValue(MoreExercises);
        return new LandmarkRunOptions(parse.GetValue(Out)!, device, data, training, pose, parse.GetValue(PoseData), copies, more is null ? null : new MoreExercisesSpec(more));
    }
}
