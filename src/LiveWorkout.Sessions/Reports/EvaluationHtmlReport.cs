using System.Globalization;
using System.Net;
using System.Text;
using LiveWorkout.Core;
using LiveWorkout.Core.Evaluation;

namespace LiveWorkout.Sessions.Reports;

/// <summary>
/// One self-contained HTML page about an evaluation of labelled clips: headline figures, a
/// truth-versus-prediction ribbon per clip, the pooled confusion matrix and the tables. Charts
/// are inline SVG (sharp at any zoom, no native drawing, no external resources).
/// </summary>
public static class EvaluationHtmlReport
{
    private const int Width = 1000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(EvaluationReport report, IReadOnlyList<ClipTimeline> timelines, string title, string meta)
    {
        var t = report.Total;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(Inv, $"<title>{E(title)}</title><style>{Css}</style></head><body>\n")
            .Append(Inv, $"<h1>{E(title)}</h1>\n<p class=\"meta\">{E(meta)}</p>\n");

        html.Append("<div class=\"cards\">");
        Card(html, "clips", t.Clips.ToString(Inv));
        Card(html, "frame accuracy", P(t.Frames.Accuracy));
        Card(html, "frame macro-F1", P(t.Frames.MacroF1));
        Card(html, "set F1 (IoU≥0.5)", P(t.Sets.F1));
        Card(html, "rep off-by-one", t.Reps.OffByOneAccuracy is { } obo ? P(obo) : "–");
        Card(html, "sets right (±1 s, ±1 rep)", t.SetsRight.Sets == 0 ? "–" : $"{t.SetsRight.Right}/{t.SetsRight.Sets}");
        Card(html, "real-time factor", t.Throughput is { } speed ? speed.RealTimeFactor.ToString("0.0", Inv) + "×" : "–");
        if (t.WholeClips is { } whole) Card(html, "clips recognised (≥ half the frames)", $"{whole.Recognised}/{whole.Clips}");
        html.Append("</div>\n");

        html.Append("<h2>Truth versus prediction</h2>\n");
        Legend(html, timelines);
        foreach (var (timeline, score) in timelines.Zip(report.Clips)) Ribbon(html, timeline, score);

        html.Append("<h2>Scores per clip</h2>\n");
        html.Append("<div class=\"scroll\">");
        ClipTable(html, report);
        html.Append("</div>\n");
        html.Append("<div class=\"pair\"><div>\n<h2>Confusion matrix (frames, pooled)</h2>\n");
        ConfusionSvg(html, t.Frames);
        html.Append("</div><div>\n<h2>Per class (frames, pooled)</h2>\n");
        ClassTable(html, t.Frames);
        html.Append("</div></div>\n");
        if (t.ConfusablePairs is { } pairs) ConfusablePairTable(html, pairs);
        if (t.WholeClips is not null) WholeClipTable(html, report);
        Issues(html, report);
        html.Append(Conventions);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Legend(StringBuilder html, IReadOnlyList<ClipTimeline> timelines)
    {
        var exercises = timelines.SelectMany(c => c.Truth.Select(s => s.Exercise).Concat(c.Predicted.Select(s => s.Exercise)))
            .Distinct(StringComparer.Ordinal).OrderBy(Order).ToList();
        html.Append("<p class=\"legend\">");
        foreach (string e in exercises.Append(ExerciseCatalog.Idle))
            html.Append(Inv, $"<span><i style=\"background:{ExerciseColors.Of(e)}\"></i>{E(Core.ExerciseCatalog.DisplayName(e))}</span>");
        html.Append("</p>\n");
    }

    /// <summary>Two lanes on the clip's own time axis: labelled sets above, recognised sets below; reps written in the bars.</summary>
    private static void Ribbon(StringBuilder html, ClipTimeline clip, RecognitionScore score)
    {
        const int left = 80, lane = 18, top = 20, height = top + 2 * lane + 24;
        double seconds = Math.Max(clip.Duration.TotalSeconds, 0.001), plot = Width - left - 10;
        double X(TimeSpan time) => left + Math.Clamp(time.TotalSeconds / seconds, 0, 1) * plot;

        html.Append(Inv, $"<svg class=\"ribbon\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\">");
        html.Append(Inv, $"<text x=\"0\" y=\"13\" class=\"clip\">{E(clip.Name)}</text>");
        html.Append(Inv, $"<text x=\"{Width - 10}\" y=\"13\" class=\"score\" text-anchor=\"end\">sets {score.Sets.TruePositives}/{score.Sets.TruePositives + score.Sets.FalseNegatives} found, {score.Sets.FalsePositives} spurious · frame accuracy {P(score.Frames.Accuracy)}</text>");
        for (int l = 0; l < 2; l++)
        {
            int y = top + l * lane;
            html.Append(Inv, $"<text x=\"{left - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{(l == 0 ? "truth" : "predicted")}</text>");
            html.Append(Inv, $"<rect x=\"{left}\" y=\"{y + 1}\" width=\"{plot:0.#}\" height=\"{lane - 2}\" fill=\"{ExerciseColors.Of(ExerciseCatalog.Idle)}\"/>");
            var bars = l == 0
                ? clip.Truth.Select(s => (s.Exercise, s.Start, s.End, Reps: s.Reps > 0 ? $"×{s.Reps}" : ExerciseCatalog.IsStaticHold(s.Exercise) ? $"{s.Duration.TotalSeconds:0}s" : ""))
                : clip.Predicted.Select(s => (s.Exercise, s.Start, s.End, Reps: s.HoldDuration is { } h ? $"{h.TotalSeconds:0}s" : $"×{s.Reps}"));
            foreach (var (exercise, start, end, reps) in bars)
            {
                double x0 = X(start), w = Math.Max(1, X(end) - x0);
                html.Append(Inv, $"<rect x=\"{x0:0.#}\" y=\"{y + 1}\" width=\"{w:0.#}\" height=\"{lane - 2}\" fill=\"{ExerciseColors.Of(exercise)}\"><title>{E(exercise)} {start.TotalSeconds:0.0}–{end.TotalSeconds:0.0} s {reps}</title></rect>");
                if (w > 28 && reps.Length > 0) html.Append(Inv, $"<text x=\"{x0 + w / 2:0.#}\" y=\"{y + 13}\" text-anchor=\"middle\" class=\"reps\">{E(reps)}</text>");
            }
        }
        int axis = top + 2 * lane;
        double step = NiceStep(seconds);
        for (double s = 0; s <= seconds + 1e-9; s += step)
        {
            double x = left + s / seconds * plot;
            html.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{axis}\" x2=\"{x:0.#}\" y2=\"{axis + 4}\" stroke=\"#999\"/><text x=\"{x:0.#}\" y=\"{axis + 15}\" text-anchor=\"middle\" class=\"tick\">{Clock(s)}</text>");
        }
        html.Append("</svg>\n");
    }

    /// <summary>Rows true, columns predicted, over the classes that occur; shaded by the row's share, the diagonal green.</summary>
    private static void ConfusionSvg(StringBuilder html, FrameMetrics frames)
    {
        var present = Enumerable.Range(0, frames.Classes.Count)
            .Where(i => frames.Confusion[i].Sum() > 0 || frames.Confusion.Sum(row => row[i]) > 0).ToList();
        if (present.Count == 0) { html.Append("<p>No frames.</p>\n"); return; }
        // Room on the left for row names, above for the slanted column names, and to the right for the last of them.
        int cell = Math.Clamp(400 / present.Count, 26, 48), label = 104, grid = present.Count * cell;
        int width = label + grid + 80, height = label + grid + 20;
        html.Append(Inv, $"<svg class=\"confusion\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        html.Append(Inv, $"<text x=\"{label}\" y=\"{label + grid + 14}\" class=\"tick\">rows: labelled · columns: recognised</text>");
        for (int r = 0; r < present.Count; r++)
        {
            long[] row = frames.Confusion[present[r]];
            double total = Math.Max(1, row.Sum());
            int y = label + r * cell;
            html.Append(Inv, $"<text x=\"{label - 4}\" y=\"{y + cell / 2 + 4}\" text-anchor=\"end\">{E(frames.Classes[present[r]])}</text>");
            for (int c = 0; c < present.Count; c++)
            {
                long count = row[present[c]];
                double share = count / total;
                int shade = (int)Math.Round(255 * (1 - share));
                string fill = r == c ? $"rgb({shade},{Math.Max(shade, 190)},{shade})" : $"rgb(255,{shade},{shade})";
                int x = label + c * cell;
                html.Append(Inv, $"<rect x=\"{x}\" y=\"{y}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{fill}\" stroke=\"#eee\"/>");
                if (count > 0) html.Append(Inv, $"<text x=\"{x + cell / 2}\" y=\"{y + cell / 2 + 4}\" text-anchor=\"middle\" class=\"count\"{(share > 0.5 ? " fill=\"#fff\"" : "")}>{count}</text>");
            }
        }
        for (int c = 0; c < present.Count; c++)
        {
            double x = label + c * cell + cell / 2.0 + 4;
            html.Append(Inv, $"<text transform=\"translate({x:0.#},{label - 4}) rotate(-60)\">{E(frames.Classes[present[c]])}</text>");
        }
        html.Append("</svg>\n");
    }

    /// <summary>The catalogue's confusable pairs present in the labels: how often each exercise was taken for the other.</summary>
    private static void ConfusablePairTable(StringBuilder html, IReadOnlyList<ConfusablePairScore> pairs)
    {
        html.Append("<h2>Confusable pairs (frames, pooled)</h2>\n<table><thead><tr><th>pair</th><th class=\"n\">frames</th><th class=\"n\">taken for the other</th><th class=\"n\">other's frames</th><th class=\"n\">other taken for it</th></tr></thead><tbody>\n");
        foreach (var p in pairs)
            html.Append(Inv, $"<tr><td>{E(ExerciseCatalog.DisplayName(p.First))} / {E(ExerciseCatalog.DisplayName(p.Second))}</td><td class=\"n\">{p.FirstFrames}</td><td class=\"n\">{Share(p.FirstAsSecond, p.FirstAsSecondShare)}</td><td class=\"n\">{p.SecondFrames}</td><td class=\"n\">{Share(p.SecondAsFirst, p.SecondAsFirstShare)}</td></tr>\n");
        html.Append("</tbody></table>\n");
    }

    private static string Share(long count, double? share) => share is { } s ? $"{count} ({P(s)})" : "–";

    /// <summary>Clips labelled as a whole, per exercise: how many are recognised by the pipeline and by the raw classifier, and what the others were taken for.</summary>
    private static void WholeClipTable(StringBuilder html, EvaluationReport report)
    {
        html.Append("<h2>Clips labelled as a whole</h2>\n<table><thead><tr><th>exercise</th><th class=\"n\">clips</th><th class=\"n\">recognised</th><th class=\"n\">raw top-1 recognised</th><th>raw taken for (clips)</th></tr></thead><tbody>\n");
        foreach (var m in WholeClipMetrics.PerExercise(report.Clips.Select(c => c.WholeClips)).Append(report.Total.WholeClips! with { Exercise = "total" }))
            html.Append(Inv, $"<tr><td>{E(m.Exercise!)}</td><td class=\"n\">{m.Clips}</td><td class=\"n\">{m.Recognised} ({P(m.Share)})</td><td class=\"n\">{m.RawRecognised} ({P(m.RawShare)})</td><td>{E(m.TakenForText())}</td></tr>\n");
        html.Append("</tbody></table>\n");
    }

    private static void ClipTable(StringBuilder html, EvaluationReport report)
    {
        html.Append("<table><thead><tr><th>clip</th><th class=\"n\">frames</th><th class=\"n\">acc</th><th class=\"n\">macro-F1</th><th class=\"n\">raw top-1</th>")
            .Append("<th class=\"n\">sets TP/FP/FN</th><th class=\"n\">set P / R</th><th class=\"n\">set F1</th>")
            .Append("<th class=\"n\">onset s<br>med / |p90|</th><th class=\"n\">end s<br>med / |p90|</th><th class=\"n\">rep MAE</th><th class=\"n\">rep OBO</th><th class=\"n\">sets right</th><th class=\"n\">frames/s<br>RTF</th></tr></thead><tbody>\n");
        foreach (var clip in report.Clips) ClipRow(html, clip, "");
        if (report.Clips.Count != 1) ClipRow(html, report.Total, " class=\"total\"");
        html.Append("</tbody></table>\n");
    }

    private static void ClipRow(StringBuilder html, RecognitionScore s, string attributes)
    {
        string[] cells =
        [
            s.Frames.Frames.ToString(Inv), P(s.Frames.Accuracy), P(s.Frames.MacroF1), s.Classifier is { } c ? P(c.Accuracy) : "–",
            $"{s.Sets.TruePositives}/{s.Sets.FalsePositives}/{s.Sets.FalseNegatives}", $"{P(s.Sets.Precision)} / {P(s.Sets.Recall)}", P(s.Sets.F1),
            $"{Sec(s.Timing.OnsetMedianSeconds)} / {Sec(s.Timing.OnsetAbsP90Seconds, signed: false)}", $"{Sec(s.Timing.OffsetMedianSeconds)} / {Sec(s.Timing.OffsetAbsP90Seconds, signed: false)}",
            s.Reps.Mae is { } mae ? P(mae) : "–", s.Reps.OffByOneAccuracy is { } obo ? P(obo) : "–", s.SetsRight.Sets == 0 ? "–" : $"{s.SetsRight.Right}/{s.SetsRight.Sets}",
            s.Throughput is { } t ? $"{t.FramesPerSecond.ToString("0", Inv)} · {t.RealTimeFactor.ToString("0.0", Inv)}×" : "–",
        ];
        html.Append(Inv, $"<tr{attributes}><td>{E(s.Name)}</td>");
        foreach (string cell in cells) html.Append(Inv, $"<td class=\"n\">{E(cell)}</td>");
        html.Append("</tr>\n");
    }

    private static void ClassTable(StringBuilder html, FrameMetrics frames)
    {
        html.Append("<table><thead><tr><th>class</th><th class=\"n\">support</th><th class=\"n\">predicted</th><th class=\"n\">P</th><th class=\"n\">R</th><th class=\"n\">F1</th></tr></thead><tbody>\n");
        foreach (var c in frames.PerClass.Where(c => c.Support > 0 || c.Predicted > 0))
            html.Append(Inv, $"<tr><td><span class=\"chip\" style=\"background:{ExerciseColors.Of(c.Class)}\"></span>{E(c.Class)}</td><td class=\"n\">{c.Support}</td><td class=\"n\">{c.Predicted}</td><td class=\"n\">{P(c.Precision)}</td><td class=\"n\">{P(c.Recall)}</td><td class=\"n\">{P(c.F1)}</td></tr>\n");
        html.Append("</tbody></table>\n");
    }

    private static void Issues(StringBuilder html, EvaluationReport report)
    {
        if (report.UnknownClasses.Count > 0)
            html.Append("<p class=\"warn\">Classes the model does not know (clips skipped): ")
                .Append(E(string.Join(", ", report.UnknownClasses.Select(kv => $"{kv.Key} ({kv.Value})")))).Append("</p>\n");
        foreach (var (heading, issues) in new[] { ("Failed clips", report.Failed), ("Skipped clips", report.Skipped) })
        {
            if (issues.Count == 0) continue;
            html.Append(Inv, $"<details><summary>{heading}: {issues.Count}</summary><ul>");
            foreach (var issue in issues) html.Append(Inv, $"<li><b>{E(issue.Clip)}</b>: {E(issue.Reason)}</li>");
            html.Append("</ul></details>\n");
        }
    }

    private static int Order(string exercise)
    {
        int i = ExerciseCatalog.IndexOf(exercise);
        return i < 0 ? int.MaxValue : i;
    }

    private static double NiceStep(double seconds)
    {
        foreach (double step in new double[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200 })
            if (seconds / step <= 12) return step;
        return 3600;
    }

    private static string Clock(double seconds) =>
        seconds < 60 ? seconds.ToString("0", Inv) + "s" : $"{(int)seconds / 60}:{(int)seconds % 60:00}";

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append(Inv, $"<div class=\"card\"><div class=\"v\">{E(value)}</div><div class=\"l\">{E(label)}</div></div>");

    private static string P(double v) => v.ToString("0.000", Inv);

    private static string Sec(double? v, bool signed = true) => v is { } s ? s.ToString(signed ? "+0.00;-0.00;0.00" : "0.00", Inv) : "–";

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Conventions = """
        <h2>How to read this</h2>
        <ul class="notes">
        <li><b>Frames</b>: every classified frame counts once, idle included. A frame's recognised label is the exercise of the recognised set covering it, else idle (the pipeline's output, after smoothing and segmentation); its true label is the labelled set covering its time, else idle. Macro-F1 averages the classes that occur as truth or prediction. <b>Raw top-1</b> is the classifier's most probable class per frame before any temporal logic.</li>
        <li><b>Sets</b>: a recognised set is a true positive when it is matched one-to-one to a labelled set of the same exercise with temporal IoU ≥ 0.5; unmatched recognised sets are false positives, unmatched labelled sets false negatives. Pooled figures sum the counts over clips before dividing.</li>
        <li><b>Timing</b>: onset and end delay of matched sets, recognised minus labelled (positive: late); the signed median shows bias, p90 of the absolute delay the spread.</li>
        <li><b>Reps</b>: over labelled sets with reps &gt; 0 (holds and whole-clip labels have none). MAE is the mean of |recognised − true| / true; off-by-one accuracy the share within one rep. A labelled set that was not matched counts as 0 reps recognised.</li>
        <li><b>Speed</b>: frames classified per wall-clock second and media seconds per wall-clock second (RTF &gt; 1 is faster than real time), replaying as fast as possible.</li>
        </ul>
        """;

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:1040px;margin:24px auto;padding:0 16px;color:#222;background:#fafafa}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}.meta{color:#666;margin:0 0 12px}
        .cards{display:flex;gap:12px;margin:16px 0}.card{flex:1;background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:10px 14px}
        .card .v{font-size:24px;font-weight:600}.card .l{color:#777;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        svg{display:block;background:#fff;font-size:12px;fill:#333}svg.ribbon{margin:0 0 6px;border-radius:4px}
        svg .clip{font-weight:600}svg .score,svg .tick{fill:#777;font-size:11px}svg .reps{fill:#fff;font-size:11px;font-weight:600}svg .count{font-size:11px}
        .legend span{display:inline-block;margin-right:14px}.legend i,.chip{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:12px}th,td{padding:4px 6px;border-bottom:1px solid #eee;text-align:left}
        th{background:#f0f0f0}.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.total td{font-weight:600;border-top:2px solid #ccc}
        .scroll{overflow-x:auto}.pair{display:flex;gap:20px;align-items:flex-start}.pair>div{flex:1}.warn{color:#a60}.notes{color:#555;font-size:13px}details{margin:8px 0}
        """;
}
