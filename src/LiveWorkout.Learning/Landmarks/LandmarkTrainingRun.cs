using System.Diagnostics;
using System.Globalization;
using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Native;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// <c>liveworkout train-landmarks</c>: a landmark model from the synthetic world alone. Makes the
/// training clips (<see cref="SyntheticLandmarkClips"/>), trains the temporal head that classifies
/// every frame from a window of landmark features and the phase head the rep counter follows
/// (<see cref="HeadTrainer"/>), and writes a landmark package that names the pose stage it needs.
/// </summary>
public sealed class LandmarkTrainingRun(TextWriter output)
{
    public HeadTrainingResult Run(LandmarkRunOptions options, CancellationToken cancellation)
    {
        var device = TorchRuntime.SelectDevice(options.Device);
        var data = options.Data;
        var classes = data.Exercises ?? ExerciseCatalog.Ten;
        output.WriteLine($"{data.Sessions} synthetic sessions from seed {data.Seed}, {data.DurationSeconds:0} s each at tempo {data.MinTempo:0.##}-{data.MaxTempo:0.##}, a frame every {data.StepSeconds:0.###} s, {(data.Augment ? "augmented" : "exact joints")}, holds in {data.HoldShare:P0}, cut into short clips {data.ShortClipShare:P0}{IdleExercises(data)}; {classes.Count} classes, on {TorchRuntime.DescribeDevice(device)}");
        CpuContention.WarnIfBusy(output, device);

        // A missing or empty pose-data folder, or a second model that cannot be added, is refused before any session is made.
        var poseFiles = options.PoseData is { } folder ? PoseClipFile.In(folder) : [];
        if (options.MoreExercises is { } more) ModelPackage.CheckMoreExercises(options.Output, classes, options.Pose, options.Training.Spec, more);
        var watch = Stopwatch.StartNew();
        var sessions = new IReadOnlyList<ClipEmbeddingSeries>[data.Sessions];
        int done = 0;
        Parallel.For(0, data.Sessions, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            sessions[k] = SyntheticLandmarkClips.MakeSeries(data.Seed + k, classes, data);
            int n = Interlocked.Increment(ref done);
            if (n % 200 == 0) lock (output) output.WriteLine($"  {n}/{data.Sessions} sessions ({watch.Elapsed.TotalSeconds:0} s)");
        });
        var series = sessions.SelectMany(s => s).ToList();
        int rendered = poseFiles.Count;
        if (rendered > 0)
        {
            // Half the copies are seen in a mirror, as the augmenter does with the joints; a clip's copies stay on one side of the validation split.
            var mirrors = new Random(options.Training.Seed);
            foreach (string file in poseFiles)
            {
                var clip = PoseClipFile.Read(file);
                for (int copy = 0; copy < options.PoseDataCopies; copy++)
                {
                    bool mirror = mirrors.NextDouble() < 0.5;
                    var copied = clip.ToSeries(classes, mirror);
                    series.Add(options.PoseDataCopies == 1 ? copied : copied with { Clip = $"{clip.Clip}#{copy}{(mirror ? ":mirror" : "")}" });
                }
            }
            output.WriteLine($"{rendered} clips as the pose stage saw them, from {options.PoseData}{(options.PoseDataCopies > 1 ? $", each {options.PoseDataCopies} times" : "")}");
        }
        output.WriteLine($"training clips: {series.Sum(s => s.Count)} frames of {LandmarkFeatures.Size} features in {watch.Elapsed.TotalSeconds:0} s");

        output.WriteLine(HeadProgress.Header);
        var result = HeadTrainer.Train(series, classes.Count, options.Training, device,
            e => output.WriteLine(HeadProgress.Line(e)),
            cancellation);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validation ({result.ValidationClips} clips, {result.ValidationWindows} frames): {result.ValidationAccuracy:0.000} (best epoch {result.BestEpoch})"));

        var metrics = new Dictionary<string, double>
        {
            ["headValidationAccuracy"] = Math.Round(result.ValidationAccuracy, 4),
            ["headTrainClips"] = result.TrainClips,
            ["headValidationClips"] = result.ValidationClips,
        };
        using var package = ModelPackage.CreateLandmarks(classes, options.Pose, options.MoreExercises);
        var phase = HeadTrainingRun.AttachHeads(package, result, metrics, () =>
        {
            if (options.Training.PhaseEpochs <= 0) return null;
            output.WriteLine("phase head (rep phase from the sessions' rep times):");
            output.WriteLine(HeadProgress.PhaseHeader);
            return HeadTrainer.TrainPhase(series, options.Training, device, e => output.WriteLine(HeadProgress.Line(e)), cancellation);
        });
        string source = $"synthetic sessions {data.Seed}-{data.Seed + data.Sessions - 1}" + IdleExercises(data) + (rendered > 0 ? $" and {rendered} clips seen by the pose stage from {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.PoseData!)))}" : "");
        package.Describe(new TrainingDataSummary(source, rendered > 0 ? "synthetic landmarks, the pose stage's landmarks of clips" : "synthetic landmarks",
            [new SplitCounts("train", Count(series, classes))], 0, Augment: (data.Augment ? "landmark noise, mirror, camera, tempo" : "tempo") + (data.HoldShare > 0 ? ", holds" : "") + (data.ShortClipShare > 0 ? ", short clips" : "")), package.Manifest.Metrics);
        package.Save(options.Output);
        output.WriteLine($"wrote {options.Output} ({ModelPackage.ManifestFile}, {ModelPackage.TemporalHeadFile}{(phase is null ? "" : ", " + ModelPackage.PhaseHeadFile)}) in {watch.Elapsed.TotalSeconds:0} s");
        return result;
    }

    /// <summary>What the sessions drew as idle beside the model's own exercises, for the log and the package; empty when nothing.</summary>
    private static string IdleExercises(SyntheticLandmarkOptions data) =>
        data.IdleExercises is { Count: > 0 } others && data.IdleExerciseShare > 0
            ? string.Create(CultureInfo.InvariantCulture, $", with {string.Join(", ", others)} labelled idle in {data.IdleExerciseShare:P0} of them")
            : "";

    private static Dictionary<string, int> Count(IEnumerable<ClipEmbeddingSeries> series, IReadOnlyList<string> classes)
    {
        var counts = classes.ToDictionary(c => c, _ => 0);
        foreach (var s in series)
            foreach (int label in s.Labels) counts[classes[label]]++;
        return counts;
    }
}
