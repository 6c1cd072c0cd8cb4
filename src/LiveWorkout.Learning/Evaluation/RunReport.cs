using System.Text.Json;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>The run folder's report: history.csv, metrics.json, curves, and the evaluation report under report/.</summary>
public static class RunReport
{
    public sealed record Content(
        IReadOnlyList<EpochRecord> History, ClassificationMetrics Metrics, string TestSplit, EvaluationResult Result, IReadOnlyList<string> Classes,
        IReadOnlyList<SkippedFile> Skipped, TrainingOptions Options, string Device, double DataWaitShare);

    public static void Write(string runFolder, Content c)
    {
        string report = Path.Combine(runFolder, "report");
        Directory.CreateDirectory(report);
        EpochRecord.WriteCsv(Path.Combine(runFolder, "history.csv"), c.History);
        TrainingCurves.Write(report, c.History);
        EvaluationFiles.Write(report, c.Metrics, c.Result, c.Skipped, c.Options.Seed, c.Options.Masks);
        File.Copy(Path.Combine(report, "skipped.csv"), Path.Combine(runFolder, "skipped.csv"), overwrite: true);
        var last = c.History[^1];
        var metrics = new
        {
            architecture = c.Options.Architecture,
            device = c.Device,
            epochs_run = c.History.Count,
            best_epoch = c.History.MaxBy(h => h.ValidationAccuracy)!.Epoch,
            test_split = c.TestSplit,
            test_accuracy = c.Metrics.Accuracy,
            test_loss = c.Metrics.Loss,
            test_macro_f1 = c.Metrics.MacroF1,
            test_images = c.Metrics.Count,
            final_train_loss = last.TrainLoss,
            final_train_accuracy = last.TrainAccuracy,
            final_val_accuracy = last.ValidationAccuracy,
            examples_per_sec = c.History.Average(h => h.ExamplesPerSecond),
            data_wait_share = c.DataWaitShare,
            skipped_files = c.Skipped.Count,
            per_class = c.Metrics.PerClassJson,
            confusion = c.Metrics.Confusion,
            classes = c.Classes,
        };
        File.WriteAllText(Path.Combine(runFolder, "metrics.json"), JsonSerializer.Serialize(metrics, EvaluationFiles.Json));
    }
}
