using System.Text;
using LiveWorkout.Core;

namespace LiveWorkout.Sessions.Reports;

/// <summary>
/// The progress page over many sessions (<c>sessions report --history</c>): totals, a calendar of
/// active days with streaks, active time per week, personal records, each exercise's weekly reps,
/// time and volume, and the recent sessions. One static HTML file with inline CSS and SVG, no script.
/// </summary>
public static class ProgressReport
{
    /// <summary>The calendar's weeks, the latest: about five months, as many as fill its panel.</summary>
    public const int CalendarWeeks = 22;

    /// <summary>The weekly charts show at most this many weeks, the latest.</summary>
    public const int ChartWeeks = 12;

    /// <summary>How many of the newest sessions the list shows.</summary>
    public const int RecentSessions = 10;

    /// <param name="today">The day the page is made for: the calendar and the streaks end here.</param>
    /// <param name="weightUnit">kg or lb, for weights and volume.</param>
    public static string Render(IEnumerable<SessionLog> sessions, TimeZoneInfo zone, DateOnly today, string weightUnit = WeightUnit.Kilograms) =>
        Render(ProgressHistory.Of(sessions, zone, today), zone, weightUnit);

    public static string Render(ProgressHistory history, TimeZoneInfo zone, string weightUnit = WeightUnit.Kilograms)
    {
        var html = new StringBuilder();
        var withSets = history.Sessions.Where(s => s.Sets > 0).ToList();
        string subtitle = withSets.Count == 0
            ? "No workouts yet"
            : $"{DisplayFormat.Count(withSets.Count, "workout")} from {ReportPage.Day(DayOf(withSets[^1], zone))} to {ReportPage.Day(DayOf(withSets[0], zone))}";
        ReportPage.Begin(html, "LiveWorkout progress", "Your progress", subtitle);

        if (withSets.Count == 0)
        {
            html.Append("<section class=\"panel empty\"><b>No workouts yet</b>");
            html.Append(history.Sessions.Count == 0
                ? "Record one with <code>liveworkout live</code>, or replay a clip with <code>liveworkout replay</code>, and your progress will show here."
                : $"The log holds {DisplayFormat.Count(history.Sessions.Count, "session")}, but no sets were recognised in {(history.Sessions.Count == 1 ? "it" : "them")}. Stand where the camera sees you whole, and your progress will show here.");
            html.Append("</section>\n");
            ReportPage.End(html, "LiveWorkout progress report");
            return html.ToString();
        }

        Stats(html, history, weightUnit);
        html.Append("<div class=\"row\">");
        Calendar(html, history);
        Streaks(html, history, zone);
        html.Append("</div>\n");
        var weeks = history.Weeks.TakeLast(ChartWeeks).ToList();
        Weekly(html, history, weeks);
        Records(html, history, zone, weightUnit);
        Exercises(html, history, weeks, weightUnit);
        Recent(html, history, zone, weightUnit);
        ReportPage.End(html, $"LiveWorkout progress report · {DisplayFormat.Count(history.Sessions.Count, "session")} · made {ReportPage.Day(history.Today)} · local times, weights in {weightUnit}");
        return html.ToString();
    }

    private static void Stats(StringBuilder html, ProgressHistory history, string unit)
    {
        html.Append("<section class=\"stats\">");
        ReportPage.Stat(html, "workouts", ReportPage.Count(history.Workouts));
        ReportPage.Stat(html, "active time", DisplayFormat.Duration(history.ActiveTime));
        ReportPage.Stat(html, "reps", ReportPage.Count(history.TotalReps));
        if (history.TotalVolumeKg > 0) ReportPage.Stat(html, "volume lifted", ReportPage.Volume(history.TotalVolumeKg, unit), unit);
        ReportPage.Stat(html, "week streak", ReportPage.Count(history.Streaks.CurrentWeeks), history.Streaks.CurrentWeeks == 1 ? "week" : "weeks");
        ReportPage.Stat(html, "active days", ReportPage.Count(history.Days.Count));
        html.Append("</section>\n");
    }

    private static void Calendar(StringBuilder html, ProgressHistory history)
    {
        var lastWeek = history.Weeks[^1];
        var lastDay = history.Days.Keys.Append(history.Today).Max();
        html.Append("<section class=\"panel\"><h2>Activity<span class=\"hint\">one square a day, darker for more active time</span></h2>")
            .Append(ProgressCharts.Calendar(history, lastWeek, CalendarWeeks, lastDay, 690))
            .Append("</section>");
    }

    private static void Streaks(StringBuilder html, ProgressHistory history, TimeZoneInfo zone)
    {
        var s = history.Streaks;
        var thisWeek = ExerciseStatistics.WeekOf(history.Today);
        var week = history.Days.Values.Where(d => d.Day >= thisWeek && d.Day < thisWeek.AddDays(7)).ToList();
        html.Append("<section class=\"panel\"><h2>Streak</h2>")
            .Append(ReportPage.Inv, $"<div class=\"bignum\">{s.CurrentWeeks}<small>{(s.CurrentWeeks == 1 ? "week" : "weeks")} in a row</small></div>")
            .Append("<dl class=\"facts\" style=\"margin-top:18px\">")
            .Append(ReportPage.Inv, $"<dt>Longest streak</dt><dd>{DisplayFormat.Count(s.LongestWeeks, "week")}</dd>")
            .Append(ReportPage.Inv, $"<dt>Days in a row</dt><dd>{s.CurrentDays} <span class=\"dim\">(best {s.LongestDays})</span></dd>")
            .Append(ReportPage.Inv, $"<dt>This week</dt><dd>{DisplayFormat.Count(week.Sum(d => d.Sessions), "workout")}, {DisplayFormat.Duration(TimeSpan.FromTicks(week.Sum(d => d.Active.Ticks)))}</dd>")
            .Append(ReportPage.Inv, $"<dt>Last workout</dt><dd>{ReportPage.Day(DayOf(history.Sessions.First(x => x.Sets > 0), zone))}</dd>")
            .Append("</dl></section>");
    }

    private static void Weekly(StringBuilder html, ProgressHistory history, IReadOnlyList<DateOnly> weeks)
    {
        var exercises = ProgressCharts.ByTime(history, weeks);
        html.Append("<section class=\"panel\"><h2>Active time per week<span class=\"hint\">time in sets, by exercise</span></h2>")
            .Append(ProgressCharts.WeeklyTime(history, weeks, exercises, 1028, 250))
            .Append("<div class=\"legend\">");
        foreach (string e in exercises) html.Append(ReportPage.Chip(e));
        html.Append("</div></section>\n");
    }

    private static void Records(StringBuilder html, ProgressHistory history, TimeZoneInfo zone, string unit)
    {
        html.Append("<section class=\"panel\"><h2>Personal records</h2><div class=\"tiles\">");
        var recent = history.Today.AddDays(-6);
        foreach (var r in history.Records)
        {
            var main = r.LongestSeconds ?? r.MostReps;
            if (main is null) continue;
            string value = r.LongestSeconds is { } longest ? DisplayFormat.Duration(TimeSpan.FromSeconds(longest.Value)) : ReportPage.Count(main.Value);
            string what = r.LongestSeconds is not null ? (ExerciseCatalog.IsStaticHold(r.Exercise) ? "hold" : "run") : "reps";
            bool isNew = new[] { r.MostReps, r.HeaviestKg, r.LongestSeconds }.Any(m => m is not null && Day(m.At, zone) >= recent);
            html.Append(ReportPage.Inv, $"<div class=\"tile\" style=\"--c:{ExerciseColors.Of(r.Exercise)}\"><div class=\"name\">{ReportPage.E(DisplayFormat.Exercise(r.Exercise))}{(isNew ? "<span class=\"pill pr\">new</span>" : "")}</div>")
                .Append(ReportPage.Inv, $"<div class=\"big\">{value}<small>{what}</small></div>")
                .Append(ReportPage.Inv, $"<div class=\"more\">{(r.LongestSeconds is not null ? "longest" : "most in a set")}, {ReportPage.ShortDay(Day(main.At, zone))}</div>");
            if (r.HeaviestKg is { } heaviest)
                html.Append(ReportPage.Inv, $"<div class=\"more\">heaviest <b>{ReportPage.Weight(heaviest.Value, unit)} {unit}</b>, {ReportPage.ShortDay(Day(heaviest.At, zone))}</div>");
            html.Append("</div>");
        }
        html.Append("</div></section>\n");
    }

    private static void Exercises(StringBuilder html, ProgressHistory history, IReadOnlyList<DateOnly> weeks, string unit)
    {
        html.Append(ReportPage.Inv, $"<section class=\"panel\"><h2>Exercises<span class=\"hint\">per week, the last {DisplayFormat.Count(weeks.Count, "week")}</span></h2><div class=\"cards3\">");
        foreach (var r in history.Records.OrderByDescending(r => r.TotalTime).ThenBy(r => r.Exercise, StringComparer.Ordinal))
        {
            bool timed = ExerciseMeasure.IsTimed(r.Exercise);
            string color = ExerciseColors.Of(r.Exercise);
            var parts = new List<string> { DisplayFormat.Count(r.Sets, "set") };
            if (!timed) parts.Add(DisplayFormat.Count(r.TotalReps, "rep"));
            parts.Add(DisplayFormat.Duration(r.TotalTime));
            if (r.TotalVolumeKg > 0) parts.Add($"{ReportPage.Volume(r.TotalVolumeKg, unit)} {unit} lifted");
            html.Append(ReportPage.Inv, $"<div class=\"ex\"><h3>{ReportPage.Chip(r.Exercise)}</h3><div class=\"sum\">{ReportPage.E(string.Join(" · ", parts))}</div>");
            if (timed)
            {
                html.Append("<div class=\"cap\">time per week</div>")
                    .Append(ProgressCharts.WeeklyBars(weeks, weeks.Select(w => history.WeekOf(r.Exercise, w).Time.TotalSeconds).ToList(), color,
                        v => DisplayFormat.Duration(TimeSpan.FromSeconds(v)), "Time per week", 288, 78));
            }
            else
            {
                html.Append("<div class=\"cap\">reps per week</div>")
                    .Append(ProgressCharts.WeeklyBars(weeks, weeks.Select(w => (double)history.WeekOf(r.Exercise, w).Reps).ToList(), color,
                        ReportPage.Count, "Reps per week", 288, 78));
                if (r.TotalVolumeKg > 0)
                    html.Append(ReportPage.Inv, $"<div class=\"cap\">volume per week ({unit})</div>")
                        .Append(ProgressCharts.WeeklyBars(weeks, weeks.Select(w => history.WeekOf(r.Exercise, w).VolumeKg).ToList(), "#334155",
                            v => ReportPage.Volume(v, unit), "Volume per week", 288, 78));
            }
            html.Append("</div>");
        }
        html.Append("</div></section>\n");
    }

    private static void Recent(StringBuilder html, ProgressHistory history, TimeZoneInfo zone, string unit)
    {
        var recent = history.Sessions.Take(RecentSessions).ToList();
        bool volume = history.TotalVolumeKg > 0;
        html.Append("<section class=\"panel\"><h2>Recent sessions</h2><table><thead><tr><th>date</th><th class=\"n\">duration</th><th class=\"n\">active</th><th class=\"n\">sets</th><th class=\"n\">reps</th>")
            .Append(volume ? $"<th class=\"n\">volume</th>" : "")
            .Append("<th>exercises</th></tr></thead><tbody>\n");
        foreach (var s in recent)
        {
            var local = ReportPage.Local(s.StartedAt, zone);
            var sets = s.Sets == 0 ? "<span class=\"dim\">no sets recognised</span>" : string.Join(" &nbsp; ", s.Exercises.Select(ReportPage.Chip));
            string flags = (s.Complete ? "" : "<span class=\"pill warn\">interrupted</span>")
                + (s.SourceProblem is null ? "" : $"<span class=\"pill warn\" title=\"{ReportPage.E(s.SourceProblem)}\">source ended early</span>");
            html.Append(ReportPage.Inv, $"<tr><td class=\"when\"><div class=\"strong\">{ReportPage.Day(DateOnly.FromDateTime(local))}{flags}</div><div class=\"dim\">{local:HH:mm} · session {s.Id}</div></td>")
                .Append(ReportPage.Inv, $"<td class=\"n\">{DisplayFormat.Duration(s.Duration)}</td><td class=\"n\">{DisplayFormat.Duration(s.ActiveTime)}</td><td class=\"n\">{s.Sets}</td><td class=\"n\">{ReportPage.Count(s.TotalReps)}</td>");
            if (volume)
            {
                double kg = history.SessionVolumeKg(s.Id);
                html.Append(ReportPage.Inv, $"<td class=\"n\">{(kg > 0 ? $"{ReportPage.Volume(kg, unit)} {unit}" : "<span class=\"dim\">–</span>")}</td>");
            }
            html.Append(ReportPage.Inv, $"<td>{sets}</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static DateOnly DayOf(SessionSummary s, TimeZoneInfo zone) => ExerciseStatistics.DayOf(s.StartedAt, zone);

    private static DateOnly Day(DateTimeOffset t, TimeZoneInfo zone) => ExerciseStatistics.DayOf(t, zone);

}
