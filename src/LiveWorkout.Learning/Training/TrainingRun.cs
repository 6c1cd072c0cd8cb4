using System.Text.Json;
using LiveWorkout.Core;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Evaluation;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Vision.Augmentation;
using LiveWorkout.Vision.Preprocessing;
using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// A whole `liveworkout train`: data (images or clips) -> split -> balance -> loaders ->
/// <see cref="Trainer.Fit"/> -> best model package -> test evaluation -> run folder
/// (model/, checkpoint/, history.csv, metrics.json, options.json, report/).
/// </summary>
public sealed class TrainingRun(TextWriter output, bool interactive)
{
    public const string ModelFolderName = "model";
    public const string CheckpointFolderName = "checkpoint";

    /// <summary>Continues the run in <paramref name="runFolder"/> from its checkpoint, optionally with more epochs or another device.</summary>
    public TrainingOutcome Resume(string runFolder, int? epochs, string? device, int? workers, CancellationToken cancellation)
    {
        var state = TrainingCheckpoint.ReadState(Path.Combine(runFolder, CheckpointFolderName));
        var options = state.Options with
        {
            Output = runFolder,
            Epochs = epochs ?? state.Options.Epochs,
            Device = device ?? state.Options.Device,
            Workers = workers ?? state.Options.Workers,
        };
        return Run(options, state with { Options = options }, cancellation);
    }

    public TrainingOutcome Start(TrainingOptions options, CancellationToken cancellation) => Run(options, null, cancellation);

    private TrainingOutcome Run(TrainingOptions options, TrainingState? resumed, CancellationToken cancellation)
    {
        options.Validate();
        var device = TorchRuntime.SelectDevice(options.Device);
        string deviceName = device.type == DeviceType.CUDA ? device.ToString() : "cpu";
        Directory.CreateDirectory(options.Output);
        File.WriteAllText(Path.Combine(options.Output, "options.json"), JsonSerializer.Serialize(options, TrainingOptions.Json));

        // A region.json in the data: its images are the person tracker's crops (its clips get
        // cropped on extraction), and the model crops video frames the same way.
        var region = DatasetRegion.Read(options.Data);
        if (region is not null)
            output.WriteLine($"the data is of person regions ({DatasetRegion.FileName}): the model will crop video frames to the tracked person");
        var dataset = DatasetSource.Open(options.Data, options.Output, options.FramesPerSecond, region, output);
        dataset = DatasetSource.EnsureSplit(dataset, SplitRatios.Parse(options.Split), options.Seed);
        var input = options.Input() with { Region = region };
        if (resumed is not null && !resumed.Classes.SequenceEqual(dataset.Classes))
            throw new OperationFailedException($"--resume: the checkpoint was trained on classes [{string.Join(", ", resumed.Classes)}] but '{options.Data}' has [{string.Join(", ", dataset.Classes)}]; use the same data or start a new run");

        var balance = ClassBalancer.Parse(options.Balance);
        var train = ClassBalancer.Apply(dataset.InSplit(SplitNames.Train).ToArray(), balance, options.Cap, options.Seed);
        var validation = dataset.InSplit(SplitNames.Validation).ToArray();
        var test = dataset.InSplit(SplitNames.Test).ToArray();
        DatasetSource.PrintCounts(output, dataset, train, balance);
        if (train.Count == 0 || validation.Length == 0)
            throw new OperationFailedException($"dataset '{options.Data}' leaves {train.Count} training and {validation.Length} validation images: add images or change --split");

        var summary = new TrainingDataSummary(dataset.Root, dataset.Kind, dataset.Counts(), dataset.Skipped.Count, options.Balance, options.Augment);
        var augmentation = AugmentationSettings.Named(options.Augment);
        var trainLoader = new BatchLoader(train, input, augmentation, options.BatchSize, shuffle: true, options.Seed, options.Workers);
        var valLoader = new BatchLoader(validation, input, AugmentationSettings.None, options.BatchSize, shuffle: false, options.Seed, options.Workers);

        random.manual_seed(options.Seed);
        using var package = ModelPackage.Create(options.Architecture, dataset.Classes, input);
        var progress = new TrainingProgress(output, interactive);
        using var trainer = new Trainer(package.Network, device, options, ClassBalancer.LossWeights(train, dataset.Classes.Count, balance), progress);
        string checkpoint = Path.Combine(options.Output, CheckpointFolderName), modelFolder = Path.Combine(options.Output, ModelFolderName);
        var state = resumed ?? new TrainingState(0, 0, 0, 0, [], dataset.Classes, input, options);
        if (resumed is null && options.InitFrom is not null)
            InitialiseFrom(options.InitFrom, package);
        if (resumed is not null)
        {
            TrainingCheckpoint.Restore(checkpoint, package.Network, trainer.Optimizer);
            output.WriteLine($"resuming after epoch {state.CompletedEpochs} of {options.Epochs} (best val acc {state.BestValidationAccuracy:0.000} at epoch {state.BestEpoch})");
        }
        output.WriteLine($"training {options.Architecture} ({input.Channels}x{input.Height}x{input.Width}) on {TorchRuntime.DescribeDevice(device)}: {options.Optimizer} lr {options.LearningRate:G3} {options.Schedule}, batch {options.BatchSize}, augment {options.Augment}, {options.Workers} loader workers");
        CpuContention.WarnIfBusy(output, device);

        try
        {
            state = trainer.Fit(trainLoader, valLoader, state, (s, improved) =>
            {
                state = s;
                if (improved)
                {
                    package.Describe(summary, new Dictionary<string, double> { ["val_accuracy"] = s.BestValidationAccuracy, ["epoch"] = s.BestEpoch });
                    package.Save(modelFolder);
                }
                TrainingCheckpoint.Save(checkpoint, package.Network, trainer.Optimizer, s);
                EpochRecord.WriteCsv(Path.Combine(options.Output, "history.csv"), s.History);
            }, cancellation);
        }
        catch (OperationCanceledException)
        {
            TrainingCheckpoint.Save(checkpoint, package.Network, trainer.Optimizer, state);
            EpochRecord.WriteCsv(Path.Combine(options.Output, "history.csv"), state.History);
            output.WriteLine();
            output.WriteLine($"interrupted after {state.CompletedEpochs} complete epochs: checkpoint saved; continue with 'liveworkout train --out {options.Output} --resume'");
            throw;
        }
        if (state.History.Count == 0) throw new OperationFailedException($"nothing to train: the run already finished its {options.Epochs} epochs; pass a larger --epochs with --resume");

        // Test the best model, not the last one.
        using var best = ModelPackage.Load(modelFolder);
        string testSplit = test.Length > 0 ? SplitNames.Test : SplitNames.Validation;
        var testLoader = new BatchLoader(test.Length > 0 ? test : validation, input, AugmentationSettings.None, options.BatchSize, false, options.Seed, options.Workers);
        best.Network.to(device);
        var result = Trainer.Evaluate(best.Network, device, null, testLoader, cancellation);
        var metrics = ClassificationMetrics.From(dataset.Classes, result);
        var last = state.History[^1];
        var bestRecord = state.History.First(h => h.Epoch == state.BestEpoch);
        best.Network.to(CPU);
        best.Describe(summary, new Dictionary<string, double>
        {
            ["test_accuracy"] = metrics.Accuracy, ["test_macro_f1"] = metrics.MacroF1, ["val_accuracy"] = bestRecord.ValidationAccuracy,
            ["train_accuracy"] = bestRecord.TrainAccuracy, ["epoch"] = state.BestEpoch,
        });
        best.Save(modelFolder);

        var skipped = dataset.Skipped.Concat(trainLoader.DecodeFailures).Concat(valLoader.DecodeFailures).Concat(testLoader.DecodeFailures).ToList();
        RunReport.Write(options.Output, new RunReport.Content(state.History, metrics, testSplit, result, dataset.Classes, skipped, options, deviceName,
            state.History.Average(h => h.DataWaitShare)));
        output.WriteLine(metrics.Table().Replace("accuracy", $"{testSplit} accuracy", StringComparison.Ordinal));
        if (skipped.Count > 0) output.WriteLine($"skipped {skipped.Count} unreadable files (listed in {Path.Combine(options.Output, "skipped.csv")})");
        output.WriteLine($"{testSplit} accuracy {metrics.Accuracy:0.000} (best epoch {state.BestEpoch}); model package: {modelFolder}");
        string final = TrainingProgress.Summary(last, deviceName);
        output.WriteLine(final);
        return new TrainingOutcome(state, metrics, testSplit, modelFolder, final);
    }

    /// <summary>
    /// Copies the CNN weights of the package in <paramref name="folder"/> into <paramref name="package"/>:
    /// a fine-tuning run starts where that model ended. Architecture, classes and input size must match.
    /// </summary>
    private void InitialiseFrom(string folder, ModelPackage package)
    {
        using var init = ModelPackage.Load(folder);
        string Problem() =>
            init.Architecture != package.Architecture ? $"is architecture '{init.Architecture}', not '{package.Architecture}'"
            : !init.Classes.SequenceEqual(package.Classes) ? $"has classes [{string.Join(", ", init.Classes)}], the data [{string.Join(", ", package.Classes)}]"
            : (init.Input.Width, init.Input.Height, init.Input.Channels) != (package.Input.Width, package.Input.Height, package.Input.Channels)
                ? $"takes {init.Input.Channels}x{init.Input.Height}x{init.Input.Width} input, this run {package.Input.Channels}x{package.Input.Height}x{package.Input.Width}"
            : "";
        string problem = Problem();
        if (problem.Length > 0)
            throw new InvalidInputException($"--init: model '{folder}' {problem}; start from a model of the same architecture, classes and --size, or leave out --init");
        using (no_grad())
        {
            var source = init.Network.state_dict();
            foreach (var (name, tensor) in package.Network.state_dict()) tensor.copy_(source[name]);
        }
        output.WriteLine($"starting from the weights of '{folder}'");
    }
}
