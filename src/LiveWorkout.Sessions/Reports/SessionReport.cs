using System.Text;
using LiveWorkout.Core;

namespace LiveWorkout.Sessions.Reports;

/// <summary>
/// One session as a page for the person who trained (<c>sessions report &lt;id&gt;</c>): when and
/// how long, the sets with reps or time, weight and rest, a timeline of the sets and each
/// exercise's best. The recogniser's details (source file, model, device, confidence) appear only
/// with <c>diagnostics</c>. One static HTML file with inline CSS and SVG, no script.
/// </summary>
public static class SessionReport
{
    private const double ChartWidth = 1028;

    /// <param name="weightUnit">kg or lb, for the weights the person entered.</param>
    /// <param name="diagnostics">Also show the source, model, device and the recogniser's confidence.</param>
    public static string Render(SessionLog log, TimeZoneInfo zone, string weightUnit = WeightUnit.Kilograms, bool diagnostics = false)
    {
        var s = log.Session;
        var summary = SessionSummary.Of(log);
        var start = ReportPage.Local(s.StartedAt, zone);
        var end = start + summary.Duration;
        var html = new StringBuilder();
        ReportPage.Begin(html, $"LiveWorkout session {s.Id}", $"{PartOfDay(start.Hour)} workout",
            $"{start.ToString("dddd d MMMM yyyy", ReportPage.Inv)} · {start:HH:mm}–{end:HH:mm} · session {s.Id}");

        // The first block overlaps the coloured header: the figures, or the word that there are none.
        if (log.Sets.Count > 0) Stats(html, log, summary, weightUnit);
        else html.Append(ReportPage.Inv, $"<section class=\"panel empty\" style=\"margin-top:0\"><b>No sets were recognised in this session</b>It lasted {DisplayFormat.Duration(summary.Duration)}. Stand where the camera sees you whole, and sets will be counted.</section>\n");
        if (!s.Complete)
            ReportPage.Banner(html, "warn", "This session did not end cleanly.", "It was interrupted (the app was stopped or crashed) or is still being recorded: the sets up to the last checkpoint are shown, and one still running is marked unfinished.");
        if (s.SourceProblem is { } problem)
            ReportPage.Banner(html, "warn", "The video ended early.", $"Only part of it could be read, so later sets may be missing: {problem}.");
        if (log.Gaps.Count > 0)
        {
            var lost = TimeSpan.FromTicks(log.Gaps.Sum(g => ((g.Recovered ?? summary.Duration) - g.Lost).Ticks));
            ReportPage.Banner(html, "info", "The camera dropped out.", $"{(log.Gaps.Count == 1 ? "Once" : $"{log.Gaps.Count} times")}, {DisplayFormat.Duration(lost)} without pictures in all; anything done then was not seen.");
        }
        if (s.Notes.Length > 0) ReportPage.Banner(html, "info", "Notes:", s.Notes);

        if (log.Sets.Count > 0)
        {
            html.Append("<section class=\"panel\"><h2>Timeline<span class=\"hint\">minutes:seconds from the start</span></h2>")
                .Append(Timeline(log, summary.Duration))
                .Append("</section>\n");
            Sets(html, log, weightUnit, diagnostics);
            Exercises(html, log, weightUnit);
        }
        if (diagnostics) Diagnostics(html, log, summary.Duration);
        ReportPage.End(html, $"LiveWorkout session {s.Id} · local times · weights in {weightUnit}");
        return html.ToString();
    }

    private static void Stats(StringBuilder html, SessionLog log, SessionSummary summary, string unit)
    {
        html.Append("<section class=\"stats\">");
        ReportPage.Stat(html, "duration", DisplayFormat.Duration(summary.Duration));
        ReportPage.Stat(html, "active", DisplayFormat.Duration(summary.ActiveTime));
        ReportPage.Stat(html, "sets", ReportPage.Count(summary.Sets));
        if (log.Sets.Any(x => !ExerciseMeasure.IsTimed(x.Exercise))) ReportPage.Stat(html, "reps", ReportPage.Count(summary.TotalReps));
        var timed = log.Sets.Where(x => ExerciseMeasure.IsTimed(x.Exercise)).ToList();
        if (timed.Count > 0)
            ReportPage.Stat(html, timed.All(x => ExerciseCatalog.IsStaticHold(x.Exercise)) ? "held" : timed.Any(x => ExerciseCatalog.IsStaticHold(x.Exercise)) ? "held + run" : "run",
                DisplayFormat.Duration(TimeSpan.FromTicks(timed.Sum(x => ExerciseMeasure.TimedLength(x).Ticks))));
        double volume = log.Sets.Sum(ExerciseMeasure.VolumeKg);
        if (volume > 0) ReportPage.Stat(html, "volume", ReportPage.Volume(volume, unit), unit);
        ReportPage.Stat(html, "exercises", ReportPage.Count(summary.Exercises.Count));
        html.Append("</section>\n");
    }

    /// <summary>One lane per exercise on the session's time axis, a rounded bar per set with its reps or time; stretches without pictures hatched.</summary>
    private static string Timeline(SessionLog log, TimeSpan duration)
    {
        const double left = 128, right = 12, top = 8, lane = 34, axis = 26;
        var exercises = log.Sets.OrderBy(x => x.Start).Select(x => x.Exercise).Distinct(StringComparer.Ordinal).ToList();
        double height = top + exercises.Count * lane + axis;
        var svg = new SvgCanvas(ChartWidth, height, "Timeline of the sets");
        double total = Math.Max(duration.TotalSeconds, 1), plot = ChartWidth - left - right;
        double X(TimeSpan t) => left + Math.Clamp(t.TotalSeconds / total, 0, 1) * plot;

        svg.Raw("<defs><pattern id=\"gap\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#fecaca\"/></pattern></defs>");
        for (int i = 0; i < exercises.Count; i++)
        {
            double y = top + i * lane;
            svg.Rect(left, y + 4, plot, lane - 8, "#f8fafc", radius: 6);
            svg.Text(left - 12, y + lane / 2 + 4.5, DisplayFormat.Exercise(exercises[i]), anchor: "end", size: 13, fill: "#334155", weight: 600);
        }
        double step = ChartScale.TimeStep(total, 8);
        for (double t = 0; t <= total + 1e-9; t += step)
        {
            double x = X(TimeSpan.FromSeconds(t));
            svg.Line(x, top, x, top + exercises.Count * lane, "#e2e8f0", 1, "2 3");
            svg.Text(x, height - 8, DisplayFormat.Duration(TimeSpan.FromSeconds(t)), anchor: "middle", size: 11, fill: "#94a3b8");
        }
        foreach (var gap in log.Gaps)
        {
            double x0 = X(gap.Lost), x1 = X(gap.Recovered ?? duration);
            svg.Rect(x0, top, Math.Max(x1 - x0, 2), exercises.Count * lane, "url(#gap)",
                title: $"{DisplayFormat.Duration(gap.Lost)}–{DisplayFormat.Duration(gap.Recovered ?? duration)}: no pictures ({gap.Reason})");
        }
        foreach (var set in log.Sets)
        {
            double y = top + exercises.IndexOf(set.Exercise) * lane;
            double x0 = X(set.Start), w = Math.Max(X(set.End) - x0, 4);
            string amount = ExerciseMeasure.IsTimed(set.Exercise) ? DisplayFormat.Duration(ExerciseMeasure.TimedLength(set)) : set.Reps.ToString(ReportPage.Inv);
            svg.Rect(x0, y + 4, w, lane - 8, ExerciseColors.Of(set.Exercise), radius: 6,
                title: $"Set {set.Order}: {DisplayFormat.Exercise(set.Exercise)} {ExerciseMeasure.Amount(set)}, {DisplayFormat.Duration(set.Start)}–{DisplayFormat.Duration(set.End)}");
            if (w >= 8 * amount.Length + 10)
                svg.Text(x0 + w / 2, y + lane / 2 + 4.5, amount, anchor: "middle", size: 12.5, fill: "#ffffff", weight: 700);
        }
        return svg.ToString();
    }

    private static void Sets(StringBuilder html, SessionLog log, string unit, bool diagnostics)
    {
        var sets = log.Sets.OrderBy(x => x.Start).ToList();
        bool weights = sets.Any(x => x.WeightKg is not null), rpe = sets.Any(x => x.Rpe is not null);
        bool notes = sets.Any(x => x.Notes.Length > 0 || x.Corrected || x.Status == SetStatus.Open);
        html.Append("<section class=\"panel\"><h2>Sets</h2><table><thead><tr><th class=\"n\">#</th><th class=\"n\">start</th><th>exercise</th><th class=\"n\">reps or time</th>")
            .Append(weights ? "<th class=\"n\">weight</th>" : "").Append(rpe ? "<th class=\"n\">RPE</th>" : "")
            .Append("<th class=\"n\">duration</th><th class=\"n\">rest after</th>")
            .Append(diagnostics ? "<th class=\"n\">confidence</th>" : "")
            .Append(notes ? "<th>notes</th>" : "").Append("</tr></thead><tbody>\n");
        for (int i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            var rest = i + 1 < sets.Count ? sets[i + 1].Start - set.End : TimeSpan.Zero;
            string amount = ExerciseMeasure.IsTimed(set.Exercise) ? ExerciseMeasure.Amount(set) : DisplayFormat.Count(set.Reps, "rep");
            var note = new StringBuilder(ReportPage.E(set.Notes));
            if (set.Corrected) note.Append(ReportPage.Inv, $"<span class=\"pill info\">corrected, recognised as {ReportPage.E(Was(set))}</span>");
            if (set.Status == SetStatus.Open) note.Append("<span class=\"pill warn\">unfinished</span>");
            html.Append(ReportPage.Inv, $"<tr><td class=\"n dim\">{set.Order}</td><td class=\"n\">{DisplayFormat.Duration(set.Start)}</td><td>{ReportPage.Chip(set.Exercise)}</td><td class=\"n strong\">{amount}</td>");
            if (weights) html.Append(ReportPage.Inv, $"<td class=\"n\">{(set.WeightKg is { } kg ? $"{ReportPage.Weight(kg, unit)} {unit}" : "<span class=\"dim\">–</span>")}</td>");
            if (rpe) html.Append(ReportPage.Inv, $"<td class=\"n\">{(set.Rpe is { } r ? r.ToString("0.#", ReportPage.Inv) : "<span class=\"dim\">–</span>")}</td>");
            html.Append(ReportPage.Inv, $"<td class=\"n\">{DisplayFormat.Duration(set.Duration)}</td><td class=\"n\">{(rest >= SessionTimeline.MinimumRest ? DisplayFormat.Duration(rest) : "<span class=\"dim\">–</span>")}</td>");
            if (diagnostics) html.Append(ReportPage.Inv, $"<td class=\"n\">{set.MeanConfidence:0.00}</td>");
            html.Append(notes ? $"<td>{note}</td></tr>\n" : "</tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    /// <summary>A tile per exercise: its sets, reps or time, best set and volume.</summary>
    private static void Exercises(StringBuilder html, SessionLog log, string unit)
    {
        html.Append("<section class=\"panel\"><h2>By exercise</h2><div class=\"tiles\">");
        foreach (var group in log.Sets.GroupBy(x => x.Exercise, StringComparer.Ordinal))
        {
            bool timed = ExerciseMeasure.IsTimed(group.Key);
            var sets = group.ToList();
            string big, what, best;
            if (timed)
            {
                big = DisplayFormat.Duration(TimeSpan.FromTicks(sets.Sum(x => ExerciseMeasure.TimedLength(x).Ticks)));
                what = ExerciseCatalog.IsStaticHold(group.Key) ? "held" : "run";
                best = $"longest {DisplayFormat.Duration(sets.Max(ExerciseMeasure.TimedLength))}";
            }
            else
            {
                big = ReportPage.Count(sets.Sum(x => x.Reps));
                what = "reps";
                best = $"best set {DisplayFormat.Count(sets.Max(x => x.Reps), "rep")}";
            }
            html.Append(ReportPage.Inv, $"<div class=\"tile\" style=\"--c:{ExerciseColors.Of(group.Key)}\"><div class=\"name\">{ReportPage.E(DisplayFormat.Exercise(group.Key))}</div>")
                .Append(ReportPage.Inv, $"<div class=\"big\">{big}<small>{what}</small></div>")
                .Append(ReportPage.Inv, $"<div class=\"more\">{sets.Count} set{(sets.Count == 1 ? "" : "s")} · {best}</div>");
            double volume = sets.Sum(ExerciseMeasure.VolumeKg);
            if (volume > 0)
                html.Append(ReportPage.Inv, $"<div class=\"more\">heaviest <b>{ReportPage.Weight(sets.Max(x => x.WeightKg ?? 0), unit)} {unit}</b></div><div class=\"more\">volume {ReportPage.Volume(volume, unit)} {unit}</div>");
            html.Append("</div>");
        }
        html.Append("</div></section>\n");
    }

    /// <summary>What only someone checking the recogniser needs: where the pictures came from, which model ran where, and how sure it was over time.</summary>
    private static void Diagnostics(StringBuilder html, SessionLog log, TimeSpan duration)
    {
        var s = log.Session;
        html.Append("<section class=\"panel\"><h2>Diagnostics</h2><div class=\"kv\">")
            .Append(ReportPage.Inv, $"<div>source</div><div><code>{ReportPage.E(s.Source)}</code></div>")
            .Append(ReportPage.Inv, $"<div>model</div><div>{ReportPage.E(s.Model)}</div>")
            .Append(ReportPage.Inv, $"<div>device</div><div>{ReportPage.E(s.Device)}</div>")
            .Append(ReportPage.Inv, $"<div>recorded</div><div>{s.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC to {(s.EndedAt is { } e ? $"{e.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "(no end recorded)")}</div>")
            .Append(ReportPage.Inv, $"<div>timeline</div><div>{log.Timeline.Count} samples of the smoothed prediction</div>")
            .Append("</div>");
        if (log.Timeline.Count > 0)
            html.Append("<h2 style=\"margin-top:18px\">Confidence over time<span class=\"hint\">the smoothed prediction's confidence; sets shaded</span></h2>")
                .Append(Confidence(log, duration));
        html.Append("</section>\n");
    }

    private static string Confidence(SessionLog log, TimeSpan duration)
    {
        const double left = 44, right = 12, top = 10, bottom = 26, height = 200;
        var svg = new SvgCanvas(ChartWidth, height, "Confidence over time");
        double total = Math.Max(Math.Max(duration.TotalSeconds, log.Timeline.Max(p => p.Time.TotalSeconds)), 1);
        double plotW = ChartWidth - left - right, plotH = height - top - bottom;
        double X(double seconds) => left + Math.Clamp(seconds / total, 0, 1) * plotW;
        double Y(double c) => top + (1 - Math.Clamp(double.IsFinite(c) ? c : 0, 0, 1)) * plotH;
        foreach (var set in log.Sets)
            svg.Rect(X(set.Start.TotalSeconds), top, X(set.End.TotalSeconds) - X(set.Start.TotalSeconds), plotH, ExerciseColors.Of(set.Exercise), extra: "fill-opacity=\"0.16\"");
        foreach (double c in new[] { 0, 0.5, 1 })
        {
            svg.Line(left, Y(c), ChartWidth - right, Y(c), c == 0 ? "#cbd5e1" : "#eef2f7");
            svg.Text(left - 8, Y(c) + 4, c.ToString("0.0", ReportPage.Inv), anchor: "end", size: 11, fill: "#94a3b8");
        }
        double step = ChartScale.TimeStep(total, 8);
        for (double t = 0; t <= total + 1e-9; t += step)
            svg.Text(X(t), height - 8, DisplayFormat.Duration(TimeSpan.FromSeconds(t)), anchor: "middle", size: 11, fill: "#94a3b8");
        svg.Polyline(log.Timeline.OrderBy(p => p.Time).Select(p => (X(p.Time.TotalSeconds), Y(p.Confidence))).ToList(), "#334155", 1.6);
        return svg.ToString();
    }

    private static string Was(StoredSet set) => ExerciseMeasure.IsTimed(set.RecognizedExercise)
        ? DisplayFormat.Exercise(set.RecognizedExercise)
        : $"{DisplayFormat.Exercise(set.RecognizedExercise)} ×{set.RecognizedReps}";

    private static string PartOfDay(int hour) => hour switch
    {
        >= 5 and < 12 => "Morning",
        >= 12 and < 17 => "Afternoon",
        >= 17 and < 22 => "Evening",
        _ => "Late-night",
    };
}
