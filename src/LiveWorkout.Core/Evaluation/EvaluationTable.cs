using System.Globalization;
using System.Text;

namespace LiveWorkout.Core.Evaluation;

/// <summary>Plain-text tables of an evaluation for the console (replay --evaluate, evaluate).</summary>
public static class EvaluationTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(EvaluationReport report)
    {
        // Runs of the real pipeline also report the raw classifier and the speed; pure metric reports do not.
        bool run = report.Clips.Any(c => c.Classifier is not null || c.Throughput is not null);
        string[] header = ["clip", "frames", "acc", "macroF1", "sets TP/FP/FN", "set P", "set R", "set F1", "onset med", "|onset| p90", "end med", "|end| p90", "rep MAE", "rep OBO", "sets right"];
        var rows = new List<string[]> { run ? [.. header, "raw top1", "frames/s", "RTF"] : header };
        foreach (var clip in report.Clips) rows.Add(Row(clip, run));
        if (report.Clips.Count != 1) rows.Add(Row(report.Total, run));

        var sb = new StringBuilder();
        Append(sb, rows, separatorAfter: 0, separatorBefore: report.Clips.Count != 1 ? rows.Count - 1 : -1);
        sb.Append('\n');
        var perClass = new List<string[]> { new[] { "class", "support", "predicted", "precision", "recall", "F1" } };
        foreach (var c in report.Total.Frames.PerClass.Where(c => c.Support > 0 || c.Predicted > 0))
            perClass.Add([c.Class, c.Support.ToString(Invariant), c.Predicted.ToString(Invariant), P(c.Precision), P(c.Recall), P(c.F1)]);
        Append(sb, perClass, separatorAfter: 0, separatorBefore: -1);
        if (report.Total.ConfusablePairs is { } pairs)
        {
            sb.Append('\n');
            var pairRows = new List<string[]> { new[] { "confusable pair (frames)", "frames", "taken for the other", "other's frames", "other taken for it" } };
            foreach (var p in pairs)
                pairRows.Add([$"{p.First} / {p.Second}", p.FirstFrames.ToString(Invariant), Share(p.FirstAsSecond, p.FirstAsSecondShare), p.SecondFrames.ToString(Invariant), Share(p.SecondAsFirst, p.SecondAsFirstShare)]);
            Append(sb, pairRows, separatorAfter: 0, separatorBefore: -1);
        }
        if (report.Total.WholeClips is { } whole)
        {
            sb.Append('\n');
            var clips = new List<string[]> { new[] { "clips labelled whole", "clips", "recognised", "share", "raw recognised", "raw share", "raw taken for (clips)" } };
            foreach (var c in WholeClipMetrics.PerExercise(report.Clips.Select(c => c.WholeClips))) clips.Add(WholeRow(c.Exercise!, c));
            clips.Add(WholeRow("total", whole));
            Append(sb, clips, separatorAfter: 0, separatorBefore: clips.Count - 1);
        }
        return sb.ToString();
    }

    private static string[] Row(RecognitionScore s, bool run) => run ? [.. Row(s), .. RunCells(s)] : Row(s);

    private static string[] RunCells(RecognitionScore s) =>
    [
        s.Classifier is { } c ? P(c.Accuracy) : "-",
        s.Throughput is { } t ? t.FramesPerSecond.ToString("0", Invariant) : "-",
        s.Throughput is { } u ? u.RealTimeFactor.ToString("0.0", Invariant) + "x" : "-",
    ];

    private static string[] Row(RecognitionScore s) =>
    [
        s.Name, s.Frames.Frames.ToString(Invariant), P(s.Frames.Accuracy), P(s.Frames.MacroF1),
        $"{s.Sets.TruePositives}/{s.Sets.FalsePositives}/{s.Sets.FalseNegatives}", P(s.Sets.Precision), P(s.Sets.Recall), P(s.Sets.F1),
        Seconds(s.Timing.OnsetMedianSeconds), Seconds(s.Timing.OnsetAbsP90Seconds), Seconds(s.Timing.OffsetMedianSeconds), Seconds(s.Timing.OffsetAbsP90Seconds),
        s.Reps.Mae is { } mae ? mae.ToString("0.000", Invariant) : "-", s.Reps.OffByOneAccuracy is { } obo ? P(obo) : "-",
        s.SetsRight.Sets == 0 ? "-" : $"{s.SetsRight.Right}/{s.SetsRight.Sets}",
    ];

    private static string[] WholeRow(string name, WholeClipMetrics m) =>
        [name, m.Clips.ToString(Invariant), m.Recognised.ToString(Invariant), P(m.Share), m.RawRecognised.ToString(Invariant), P(m.RawShare), m.TakenForText()];

    private static string P(double v) => v.ToString("0.000", Invariant);

    private static string Share(long count, double? share) => share is { } s ? $"{count} ({P(s)})" : "-";

    private static string Seconds(double? v) => v is { } s ? s.ToString("+0.00;-0.00;0.00", Invariant) + " s" : "-";

    private static void Append(StringBuilder sb, List<string[]> rows, int separatorAfter, int separatorBefore)
    {
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        string rule = string.Join("  ", widths.Select(w => new string('-', w)));
        for (int i = 0; i < rows.Count; i++)
        {
            if (i == separatorBefore) sb.Append(rule).Append('\n');
            // First column left-aligned (names), numbers right-aligned.
            sb.Append(string.Join("  ", rows[i].Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
            if (i == separatorAfter) sb.Append(rule).Append('\n');
        }
    }
}
