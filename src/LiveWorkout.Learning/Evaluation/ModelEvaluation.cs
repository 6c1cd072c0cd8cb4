using LiveWorkout.Core;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;
using LiveWorkout.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>
/// `liveworkout evaluate`: a model package on every image (or clip frame) of a dataset, with
/// the same report as training's test split. Data classes are matched to the model's by name.
/// </summary>
public sealed class ModelEvaluation(TextWriter output)
{
    public ClassificationMetrics Run(string packageFolder, string dataFolder, string reportFolder, string devicePreference, int workers, double framesPerSecond, CancellationToken cancellation)
    {
        using var package = ModelPackage.Load(packageFolder);
        var dataset = DatasetSource.Open(dataFolder, reportFolder, framesPerSecond, package.Input.Region, output);
        var unknown = dataset.Classes.Where(c => !package.Classes.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new InvalidInputException($"the data has classes the model does not know: {string.Join(", ", unknown)} (model classes: {string.Join(", ", package.Classes)}); remove those folders or use a model trained on them");
        var index = package.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var samples = dataset.Samples.Select(s => s with { Label = index[s.Class] }).ToArray();

        var device = TorchRuntime.SelectDevice(devicePreference);
        package.Network.to(device);
        var loader = new BatchLoader(samples, package.Input, AugmentationSettings.None, 32, shuffle: false, seed: 0, workers);
        output.WriteLine($"evaluating {package.Architecture} ({string.Join(", ", package.Classes)}) on {samples.Length} images of {dataset.Root} ({dataset.Kind}), {dataset.Skipped.Count} skipped");
        var result = Trainer.Evaluate(package.Network, device, null, loader, cancellation);
        var metrics = ClassificationMetrics.From(package.Classes, result);
        var skipped = dataset.Skipped.Concat(loader.DecodeFailures).ToList();
        EvaluationFiles.Write(reportFolder, metrics, result, skipped, seed: 0, package.Input.Masks);
        File.WriteAllText(Path.Combine(reportFolder, "metrics.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            model = Path.GetFullPath(packageFolder),
            data = dataset.Root,
            accuracy = metrics.Accuracy,
            loss = metrics.Loss,
            macro_f1 = metrics.MacroF1,
            images = metrics.Count,
            skipped_files = skipped.Count,
            per_class = metrics.PerClassJson,
            confusion = metrics.Confusion,
            classes = metrics.Classes,
        }, EvaluationFiles.Json));
        output.WriteLine(metrics.Table());
        if (skipped.Count > 0) output.WriteLine($"skipped {skipped.Count} unreadable files (listed in {Path.Combine(reportFolder, "skipped.csv")})");
        output.WriteLine($"report: {Path.GetFullPath(reportFolder)}");
        return metrics;
    }
}
