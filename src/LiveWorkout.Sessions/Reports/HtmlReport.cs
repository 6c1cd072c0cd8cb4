using System.Globalization;
using System.Net;
using System.Text;

namespace LiveWorkout.Sessions.Reports;

/// <summary>
/// One self-contained HTML page about a session: summary, four charts embedded as base64 PNG,
/// and the timeline of sets and rests. No external resources, so it opens offline anywhere.
/// </summary>
public static class HtmlReport
{
    private const int ChartWidth = 1000;

    public static string Render(SessionLog log, TimeZoneInfo zone)
    {
        var summary = SessionSummary.Of(log);
        var s = log.Session;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>LiveWorkout session {s.Id}</title><style>{Css}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Session {s.Id} <span class=\"date\">{E(DisplayFormat.DateTime(s.StartedAt, zone))}</span></h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">source {E(s.Source)} · model {E(s.Model)} · device {E(s.Device)}{(s.Complete ? "" : " · <b>interrupted</b>")}</p>\n");
        if (s.Notes.Length > 0) html.Append(CultureInfo.InvariantCulture, $"<p class=\"notes\">{E(s.Notes)}</p>\n");

        html.Append("<div class=\"cards\">");
        Card(html, "duration", DisplayFormat.Duration(summary.Duration));
        Card(html, "active", DisplayFormat.Duration(summary.ActiveTime));
        Card(html, "sets", summary.Sets.ToString(CultureInfo.InvariantCulture));
        Card(html, "reps", summary.TotalReps.ToString(CultureInfo.InvariantCulture));
        Card(html, "exercises", summary.Exercises.Count.ToString(CultureInfo.InvariantCulture));
        html.Append("</div>\n");

        Chart(html, "Timeline of exercises", SessionCharts.Timeline(log, ChartWidth, 90 + 45 * Math.Max(1, summary.Exercises.Count)));
        html.Append("<div class=\"pair\">");
        Chart(html, "Time per exercise", SessionCharts.TimePerExercise(log, ChartWidth / 2, 320));
        Chart(html, "Reps per set", SessionCharts.RepsPerSet(log, ChartWidth / 2, 320));
        html.Append("</div>\n");
        Chart(html, "Confidence over time", SessionCharts.ConfidenceOverTime(log, ChartWidth, 260));

        html.Append("<h2>Sets and rests</h2>\n<table><thead><tr><th>#</th><th>start</th><th>exercise</th><th class=\"n\">reps</th><th class=\"n\">duration</th><th class=\"n\">confidence</th><th>note</th></tr></thead><tbody>\n");
        foreach (var entry in SessionTimeline.Of(log)) Row(html, entry);
        html.Append("</tbody></table>\n");
        html.Append(CultureInfo.InvariantCulture, $"<footer>LiveWorkout session log · {log.Timeline.Count} timeline samples · times are media time from the session start</footer>\n</body></html>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, TimelineEntry entry)
    {
        string start = DisplayFormat.Duration(entry.Start);
        string duration = DisplayFormat.Duration(entry.Duration);
        switch (entry.Kind)
        {
            case TimelineEntryKind.Set:
                var set = entry.Set!;
                string color = SessionCharts.ColorOf(set.Exercise).ToHex();
                string note = !set.Corrected ? "" : ExerciseMeasure.IsTimed(set.RecognizedExercise)
                    ? $"corrected (recognised {DisplayFormat.Exercise(set.RecognizedExercise)})"
                    : $"corrected (recognised {DisplayFormat.Exercise(set.RecognizedExercise)} ×{set.RecognizedReps})";
                if (set.Status == SetStatus.Open) note = (note + " unfinished").Trim();
                string reps = ExerciseMeasure.Amount(set);
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{set.Order}</td><td>{start}</td><td><span class=\"chip\" style=\"background:{color}\"></span>{E(DisplayFormat.Exercise(set.Exercise))}</td><td class=\"n\">{reps}</td><td class=\"n\">{duration}</td><td class=\"n\">{set.MeanConfidence:0.00}</td><td>{E(note)}</td></tr>\n");
                break;
            case TimelineEntryKind.Rest:
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"rest\"><td></td><td>{start}</td><td>rest</td><td></td><td class=\"n\">{duration}</td><td></td><td></td></tr>\n");
                break;
            default:
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"gap\"><td></td><td>{start}</td><td>no frames</td><td></td><td class=\"n\">{duration}</td><td></td><td>{E(entry.Detail ?? "")}</td></tr>\n");
                break;
        }
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"v\">{E(value)}</div><div class=\"l\">{E(label)}</div></div>");

    private static void Chart(StringBuilder html, string alt, byte[] png) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"></figure>");

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:1040px;margin:24px auto;padding:0 16px;color:#222;background:#fafafa}
        h1{font-size:26px;margin:0 0 4px}h1 .date{font-weight:400;color:#666;font-size:20px;margin-left:8px}
        h2{font-size:18px;margin:28px 0 8px}.meta{color:#666;margin:0 0 12px}.notes{font-style:italic}
        .cards{display:flex;gap:12px;margin:16px 0}.card{flex:1;background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:10px 14px}
        .card .v{font-size:24px;font-weight:600}.card .l{color:#777;font-size:13px;text-transform:uppercase;letter-spacing:.04em}
        figure{margin:10px 0;background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:6px;overflow:hidden}
        figure img{display:block;max-width:100%;height:auto;margin:auto}.pair{display:flex;gap:12px}.pair figure{flex:1}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}th,td{padding:5px 10px;border-bottom:1px solid #eee;text-align:left}
        th{background:#f0f0f0}.n{text-align:right;font-variant-numeric:tabular-nums}tr.rest td{color:#888}tr.gap td{color:#b33}
        .chip{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}footer{color:#999;font-size:12px;margin:20px 0}
        """;
}
