using System.Globalization;
using System.Text;
using LiveWorkout.Core.Evaluation;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>Accuracy, per-class scores and the confusion matrix (rows: true class, columns: predicted).</summary>
public sealed record ClassificationMetrics(IReadOnlyList<string> Classes, double Accuracy, double Loss, double MacroF1, IReadOnlyList<ClassScore> PerClass, long[][] Confusion, int Count)
{
    /// <summary>The figures of one pass, counted in the <see cref="ConfusionMatrix"/> that replay evaluation uses too.</summary>
    public static ClassificationMetrics From(IReadOnlyList<string> classes, EvaluationResult result)
    {
        var confusion = new ConfusionMatrix(classes);
        foreach (var p in result.Predictions) confusion.Add(classes[p.Label], classes[p.Predicted]);
        return new ClassificationMetrics(classes, result.Accuracy, result.Loss, confusion.MacroF1OverLabelledClasses, confusion.PerClass, confusion.Counts, result.Predictions.Count);
    }

    /// <summary>The per-class figures as metrics.json holds them.</summary>
    public IEnumerable<object> PerClassJson => PerClass.Select(s => new { s.Class, s.Precision, s.Recall, s.F1, s.Support });

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
