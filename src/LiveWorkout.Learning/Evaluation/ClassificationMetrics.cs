using System.Globalization;
using System.Text;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>Accuracy, per-class scores and the confusion matrix (rows: true class, columns: predicted).</summary>
public sealed record ClassificationMetrics(IReadOnlyList<string> Classes, double Accuracy, double Loss, double MacroF1, IReadOnlyList<ClassScore> PerClass, int[][] Confusion, int Count)
{
    public static ClassificationMetrics From(IReadOnlyList<string> classes, EvaluationResult result)
    {
        int n = classes.Count;
        var confusion = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        foreach (var p in result.Predictions) confusion[p.Label][p.Predicted]++;
        var scores = new List<ClassScore>();
        for (int c = 0; c < n; c++)
        {
            int tp = confusion[c][c], support = confusion[c].Sum(), predicted = confusion.Sum(row => row[c]);
            double precision = predicted == 0 ? 0 : (double)tp / predicted, recall = support == 0 ? 0 : (double)tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.Add(new ClassScore(classes[c], precision, recall, f1, support));
        }
        var present = scores.Where(s => s.Support > 0).ToList();
        return new ClassificationMetrics(classes, result.Accuracy, result.Loss, present.Count == 0 ? 0 : present.Average(s => s.F1), scores, confusion, result.Predictions.Count);
    }

    public string PerClassCsv()
    {
        var sb = new StringBuilder("class,precision,recall,f1,support\n");
        foreach (var s in PerClass) sb.Append(CultureInfo.InvariantCulture, $"{s.Class},{s.Precision:0.####},{s.Recall:0.####},{s.F1:0.####},{s.Support}\n");
        return sb.ToString();
    }

    public string ConfusionCsv()
    {
        var sb = new StringBuilder("true\\predicted," + string.Join(',', Classes) + "\n");
        for (int r = 0; r < Classes.Count; r++) sb.Append(Classes[r]).Append(',').AppendJoin(',', Confusion[r]).Append('\n');
        return sb.ToString();
    }

    /// <summary>A fixed-width table for the console.</summary>
    public string Table()
    {
        int w = Math.Max(8, Classes.Max(c => c.Length));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"class".PadRight(w)} precision  recall      f1  support\n");
        foreach (var s in PerClass)
            sb.Append(CultureInfo.InvariantCulture, $"{s.Class.PadRight(w)} {s.Precision,9:0.000} {s.Recall,7:0.000} {s.F1,7:0.000} {s.Support,8}\n");
        sb.Append(CultureInfo.InvariantCulture, $"accuracy {Accuracy:0.000} on {Count} images, macro F1 {MacroF1:0.000}");
        return sb.ToString();
    }
}
