using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Data;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>
/// The evaluation part of a report, the same for `train` (test split) and `evaluate` (any data):
/// per_class.csv, confusion.csv/png, predictions.csv, misclassified.png, samples.png, skipped.csv.
/// </summary>
public static class EvaluationFiles
{
    public static void Write(string folder, ClassificationMetrics metrics, EvaluationResult result, IReadOnlyList<SkippedFile> skipped, int seed, IReadOnlyList<MaskRegion>? masks)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "per_class.csv"), metrics.PerClassCsv());
        File.WriteAllText(Path.Combine(folder, "confusion.csv"), metrics.ConfusionCsv());
        ConfusionMatrixImage.Write(Path.Combine(folder, "confusion.png"), metrics);
        var sb = new StringBuilder("path,true,predicted,confidence\n");
        foreach (var p in result.Predictions)
            sb.Append(CultureInfo.InvariantCulture, $"{p.Path},{metrics.Classes[p.Label]},{metrics.Classes[p.Predicted]},{p.Confidence:0.####}\n");
        File.WriteAllText(Path.Combine(folder, "predictions.csv"), sb.ToString());
        File.WriteAllLines(Path.Combine(folder, "skipped.csv"), new[] { "path,reason" }.Concat(skipped.Select(s => $"{s.Path},{s.Reason.Replace(',', ';')}")));

        var wrong = result.Predictions.Where(p => p.Label != p.Predicted).OrderByDescending(p => p.Confidence).Take(36)
            .Select(p => new ImageGrid.Tile(p.Path, metrics.Classes[p.Label], metrics.Classes[p.Predicted])).ToList();
        string misclassified = Path.Combine(folder, "misclassified.png");
        if (!ImageGrid.Write(misclassified, wrong, masks) && File.Exists(misclassified)) File.Delete(misclassified);
        var sample = result.Predictions.ToArray();
        new Random(seed).Shuffle(sample);
        ImageGrid.Write(Path.Combine(folder, "samples.png"), sample.Take(12).Select(p => new ImageGrid.Tile(p.Path, metrics.Classes[p.Label], metrics.Classes[p.Predicted])).ToList(), masks);
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
