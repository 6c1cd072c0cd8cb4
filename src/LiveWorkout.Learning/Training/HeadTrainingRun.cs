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

/// <summary>
/// <c>liveworkout train-head</c>: gives a model package a temporal head trained on labelled clips
/// (each video with its <c>&lt;clip&gt;.labels.csv</c>), and, where the labels give rep times, a
/// phase head for the rep counter; writes the package with them. The CNN is not changed; the new
/// package is the old one plus temporal.dat (and phase.dat).
/// </summary>
public sealed class HeadTrainingRun(TextWriter output)
{
    public HeadTrainingResult Run(HeadRunOptions options, CancellationToken cancellation)
    {
        var clips = FindClips(options.Clips);
        using var package = ModelPackage.Load(options.Model);
        var device = TorchRuntime.SelectDevice(options.Device);
        output.WriteLine($"model {options.Model} ({package.Architecture}, {package.Classes.Count} classes), {clips.Count} labelled clips, every {options.Every}. frame, on {TorchRuntime.DescribeDevice(device)}");
        CpuContention.WarnIfBusy(output, device);

        var watch = Stopwatch.StartNew();
        var series = new List<ClipEmbeddingSeries>(clips.Count);
        var motion = options.Training.Spec.Motion;
        if (motion is not null)
        {
            try
            {
                motion.Validate(package.Input);
            }
            catch (ArgumentException e)
            {
                throw new InvalidInputException($"--motion-grid {motion.Grid}: {e.Message}; choose a smaller grid");
            }
        }
        int cached = 0;
        using (var classifier = new FrameClassifier(package, device, useTemporalHead: false))
        {
            string weights = Path.Combine(options.Model, ModelPackage.WeightsFile);
            foreach (var (video, labels) in clips)
            {
                var annotation = ClipAnnotation.Load(labels);
                bool fromCache = false;
                series.Add(options.Cache is null
                    ? ClipEmbeddings.Extract(classifier, video, annotation, options.Every, motion, cancellation: cancellation)
                    : ClipEmbeddings.ExtractCached(classifier, weights, video, annotation, options.Every, motion, options.Cache, out fromCache, cancellation));
                if (fromCache) cached++;
                if (series.Count % 20 == 0) output.WriteLine($"  embeddings of {series.Count}/{clips.Count} clips ({watch.Elapsed.TotalSeconds:0} s)");
            }
        }
        int frames = series.Sum(s => s.Count);
        output.WriteLine($"embeddings: {frames} frames in {watch.Elapsed.TotalSeconds:0} s ({cached} of {clips.Count} clips from the cache)");

        output.WriteLine(HeadProgress.Header);
        var result = HeadTrainer.Train(series, package.Classes.Count, options.Training, device,
            e => output.WriteLine(HeadProgress.Line(e)),
            cancellation);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validation ({result.ValidationClips} clips, {result.ValidationWindows} frames): CNN alone {result.FrameValidationAccuracy:0.000}, with the temporal head {result.ValidationAccuracy:0.000} (best epoch {result.BestEpoch})"));

        var metrics = new Dictionary<string, double>
        {
            ["headValidationAccuracy"] = Math.Round(result.ValidationAccuracy, 4),
            ["headFrameValidationAccuracy"] = Math.Round(result.FrameValidationAccuracy, 4),
            ["headTrainClips"] = result.TrainClips,
            ["headValidationClips"] = result.ValidationClips,
        };
        var phase = AttachHeads(package, result, metrics, () => TrainPhase(series, options, device, cancellation));
        package.Save(options.Output);
        string files = ModelPackage.TemporalHeadFile + (phase is null ? "" : $", {ModelPackage.PhaseHeadFile}");
        output.WriteLine($"wrote {options.Output} ({ModelPackage.ManifestFile}, {ModelPackage.WeightsFile}, {files}) in {watch.Elapsed.TotalSeconds:0} s");
        return result;
    }

    /// <summary>
    /// Trains the phase head (<paramref name="trainPhase"/>, null for none) and gives the package
    /// both heads with the metrics; if anything fails, disposes the heads the package does not own.
    /// </summary>
    public static PhaseTrainingResult? AttachHeads(ModelPackage package, HeadTrainingResult result, Dictionary<string, double> metrics, Func<PhaseTrainingResult?> trainPhase)
    {
        PhaseTrainingResult? phase = null;
        try
        {
            phase = trainPhase();
            if (phase is not null) metrics["phaseValidationErrorDegrees"] = Math.Round(phase.ValidationErrorDegrees, 2);
            package.AttachHead(result.Head, metrics, phase?.Head);
            return phase;
        }
        catch
        {
            phase?.Head.Dispose();
            if (package.Head != result.Head) result.Head.Dispose();
            throw;
        }
    }

    private PhaseTrainingResult? TrainPhase(List<ClipEmbeddingSeries> series, HeadRunOptions options, TorchSharp.torch.Device device, CancellationToken cancellation)
    {
        if (options.Training.PhaseEpochs <= 0) return null;
        output.WriteLine("phase head (rep phase from the labelled rep times):");
        output.WriteLine(HeadProgress.PhaseHeader);
        var phase = HeadTrainer.TrainPhase(series, options.Training, device,
            e => output.WriteLine(HeadProgress.Line(e)),
            cancellation);
        output.WriteLine(phase is null
            ? "no phase head: the clips' labels give no rep times on both sides of the validation split"
            : string.Create(CultureInfo.InvariantCulture, $"phase head: validation error {phase.ValidationErrorDegrees:0.0} degrees over {phase.ValidationWindows} frames in sets (best epoch {phase.BestEpoch})"));
        return phase;
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
                : throw new InvalidInputException($"--clips {input}: no such folder or video");
            foreach (string video in videos)
            {
                string labels = ClipAnnotation.PathFor(video);
                if (File.Exists(labels)) found.Add((video, labels));
                else unlabelled.Add(video);
            }
        }
        if (unlabelled.Count > 0) output.WriteLine($"left out {unlabelled.Count} clips without a labels file (first: {unlabelled[0]})");
        if (found.Count < 2) throw new InvalidInputException($"--clips: {found.Count} labelled clips found; a temporal head needs at least 2 (videos with <clip>.labels.csv, e.g. from 'liveworkout synth clips')");
        return found;
    }
}
