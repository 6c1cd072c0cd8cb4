using System.Diagnostics;
using System.Globalization;
using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;

namespace LiveWorkout.Learning.Training;

/// <summary>What <c>liveworkout train-head</c> was asked to do.</summary>
public sealed record HeadRunOptions(string Model, IReadOnlyList<string> Clips, string Output, string Device, int Every, string? Cache, HeadTrainingOptions Training);

/// <summary>
/// <c>liveworkout train-head</c>: gives a model package a temporal head trained on labelled clips
/// (each video with its <c>&lt;clip&gt;.labels.csv</c>), and writes the package with it. The CNN
/// is not changed; the new package is the old one plus temporal.dat.
/// </summary>
public sealed class HeadTrainingRun(TextWriter output)
{
    public HeadTrainingResult Run(HeadRunOptions options, CancellationToken cancellation)
    {
        var clips = FindClips(options.Clips);
        using var package = ModelPackage.Load(options.Model);
        var device = TorchRuntime.SelectDevice(options.Device);
        output.WriteLine($"model {options.Model} ({package.Architecture}, {package.Classes.Count} classes), {clips.Count} labelled clips, every {options.Every}. frame, on {TorchRuntime.DescribeDevice(device)}");

        var watch = Stopwatch.StartNew();
        var series = new List<ClipEmbeddingSeries>(clips.Count);
        int cached = 0;
        using (var classifier = new FrameClassifier(package, device, useTemporalHead: false))
        {
            string weights = Path.Combine(options.Model, ModelPackage.WeightsFile);
            foreach (var (video, labels) in clips)
            {
                var annotation = ClipAnnotation.Load(labels);
                bool fromCache = false;
                series.Add(options.Cache is null
                    ? ClipEmbeddings.Extract(classifier, video, annotation, options.Every, cancellation: cancellation)
                    : ClipEmbeddings.ExtractCached(classifier, weights, video, annotation, options.Every, options.Cache, out fromCache, cancellation));
                if (fromCache) cached++;
                if (series.Count % 20 == 0) output.WriteLine($"  embeddings of {series.Count}/{clips.Count} clips ({watch.Elapsed.TotalSeconds:0} s)");
            }
        }
        int frames = series.Sum(s => s.Count);
        output.WriteLine($"embeddings: {frames} frames in {watch.Elapsed.TotalSeconds:0} s ({cached} of {clips.Count} clips from the cache)");

        output.WriteLine($"{"epoch",5} {"lr",9} {"loss",7} {"train acc",9} {"val acc",8} {"s",5}");
        var result = HeadTrainer.Train(series, package.Classes.Count, options.Training, device,
            e => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Epoch,5} {e.LearningRate,9:0.00000} {e.TrainLoss,7:0.000} {e.TrainAccuracy,9:0.000} {e.ValidationAccuracy,8:0.000} {e.Seconds,5:0.0}")),
            cancellation);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validation ({result.ValidationClips} clips, {result.ValidationWindows} frames): CNN alone {result.FrameValidationAccuracy:0.000}, with the temporal head {result.ValidationAccuracy:0.000} (best epoch {result.BestEpoch})"));

        package.AttachHead(result.Head, new Dictionary<string, double>
        {
            ["headValidationAccuracy"] = Math.Round(result.ValidationAccuracy, 4),
            ["headFrameValidationAccuracy"] = Math.Round(result.FrameValidationAccuracy, 4),
            ["headTrainClips"] = result.TrainClips,
            ["headValidationClips"] = result.ValidationClips,
        });
        package.Save(options.Output);
        output.WriteLine($"wrote {options.Output} ({ModelPackage.ManifestFile}, {ModelPackage.WeightsFile}, {ModelPackage.TemporalHeadFile}) in {watch.Elapsed.TotalSeconds:0} s");
        return result;
    }

    /// <summary>Every video under the folders (or given directly) that has a labels file beside it; the others are listed and left out.</summary>
    private List<(string Video, string Labels)> FindClips(IReadOnlyList<string> inputs)
    {
        var found = new List<(string, string)>();
        var unlabelled = new List<string>();
        foreach (string input in inputs)
        {
            IEnumerable<string> videos = File.Exists(input) ? [input]
                : Directory.Exists(input) ? Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(ClipFrameExtractor.IsVideo).Order(StringComparer.Ordinal)
                : throw new LiveWorkoutException($"--clips {input}: no such folder or video", 2);
            foreach (string video in videos)
            {
                string labels = ClipAnnotation.PathFor(video);
                if (File.Exists(labels)) found.Add((video, labels));
                else unlabelled.Add(video);
            }
        }
        if (unlabelled.Count > 0) output.WriteLine($"left out {unlabelled.Count} clips without a labels file (first: {unlabelled[0]})");
        if (found.Count < 2) throw new LiveWorkoutException($"--clips: {found.Count} labelled clips found; a temporal head needs at least 2 (videos with <clip>.labels.csv, e.g. from 'liveworkout synth clips')", 2);
        return found;
    }
}
