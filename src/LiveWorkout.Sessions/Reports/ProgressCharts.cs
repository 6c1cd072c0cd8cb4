using LiveWorkout.Core;

namespace LiveWorkout.Sessions.Reports;

/// <summary>The progress page's charts as inline SVG: the calendar of active days, the weekly stacked bars and the small per-exercise bars.</summary>
internal static class ProgressCharts
{
    /// <summary>The calendar's five shades, from a rest day to the day with the most active time.</summary>
    public static readonly string[] CalendarShades = ["#eef2f7", "#c7d2fe", "#818cf8", "#4f46e5", "#312e81"];

    /// <summary>
    /// A GitHub-style calendar: one column per week (Monday on top), one cell per day shaded by its
    /// active time relative to the busiest day shown; days after <paramref name="lastDay"/> are left out.
    /// </summary>
    public static string Calendar(ProgressHistory history, DateOnly lastWeek, int weeks, DateOnly lastDay, double width)
    {
        const double left = 36, top = 22, gap = 4;
        double cell = Math.Clamp((width - left) / weeks - gap, 11, 30);
        double height = top + 7 * (cell + gap) + 30;
        var svg = new SvgCanvas(left + weeks * (cell + gap), height, "Calendar of active days");
        var first = lastWeek.AddDays(-7 * (weeks - 1));
        double busiest = history.Days.Values.Where(d => d.Day >= first).Select(d => d.Active.TotalSeconds).DefaultIfEmpty(0).Max();

        string[] dayNames = ["Mon", "", "Wed", "", "Fri", "", "Sun"];
        for (int r = 0; r < 7; r++)
            if (dayNames[r].Length > 0) svg.Text(0, top + r * (cell + gap) + cell * 0.72, dayNames[r], size: 11, fill: "#94a3b8");

        double lastLabel = double.NegativeInfinity;
        for (int c = 0; c < weeks; c++)
        {
            var monday = first.AddDays(7 * c);
            double x = left + c * (cell + gap);
            // A month is named above the first week that starts in it, unless that would crowd the previous name.
            if ((c == 0 || monday.Month != monday.AddDays(-7).Month) && x - lastLabel > 34)
            {
                svg.Text(x, 13, monday.ToString("MMM", ReportPage.Inv), size: 11, fill: "#64748b");
                lastLabel = x;
            }
            for (int r = 0; r < 7; r++)
            {
                var day = monday.AddDays(r);
                if (day > lastDay) continue;
                double y = top + r * (cell + gap);
                history.Days.TryGetValue(day, out var activity);
                int level = activity is null || busiest <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(4 * activity.Active.TotalSeconds / busiest), 1, 4);
                string title = activity is null
                    ? $"{ReportPage.Day(day)}: no workout"
                    : $"{ReportPage.Day(day)}: {DisplayFormat.Count(activity.Sessions, "workout")}, {DisplayFormat.Duration(activity.Active)} active, {DisplayFormat.Count(activity.Reps, "rep")}";
                string? ring = day == history.Today ? "stroke=\"#0f172a\" stroke-width=\"1.5\"" : null;
                svg.Rect(x, y, cell, cell, CalendarShades[level], radius: Math.Min(5, cell / 4), title: title, extra: ring);
            }
        }

        double legendY = top + 7 * (cell + gap) + 10;
        double lx = svg.Width - 5 * 16 - 40;
        svg.Text(lx - 6, legendY + 10, "Less", anchor: "end", size: 11, fill: "#94a3b8");
        for (int i = 0; i < 5; i++) svg.Rect(lx + i * 16, legendY, 12, 12, CalendarShades[i], radius: 3);
        svg.Text(lx + 5 * 16 + 2, legendY + 10, "More", size: 11, fill: "#94a3b8");
        return svg.ToString();
    }

    /// <summary>Active time per week as bars stacked by exercise (longest overall at the bottom), the week's total above each bar.</summary>
    public static string WeeklyTime(ProgressHistory history, IReadOnlyList<DateOnly> weeks, IReadOnlyList<string> exercises, double width, double height)
    {
        const double left = 52, right = 8, top = 18, bottom = 26;
        var svg = new SvgCanvas(width, height, "Active time per week by exercise");
        double plotW = width - left - right, plotH = height - top - bottom;
        double Seconds(string e, DateOnly w) => history.WeekOf(e, w).Time.TotalSeconds;
        double max = weeks.Select(w => exercises.Sum(e => Seconds(e, w))).DefaultIfEmpty(0).Max();
        double step = ChartScale.TimeStep(max), axisTop = ChartScale.Top(max, step);
        double Y(double seconds) => top + plotH - seconds / axisTop * plotH;

        for (double t = 0; t <= axisTop + 1e-9; t += step)
        {
            svg.Line(left, Y(t), width - right, Y(t), t == 0 ? "#cbd5e1" : "#eef2f7");
            svg.Text(left - 8, Y(t) + 4, DisplayFormat.Duration(TimeSpan.FromSeconds(t)), anchor: "end", size: 11, fill: "#94a3b8");
        }
        double band = plotW / Math.Max(weeks.Count, 1), bar = Math.Min(band * 0.62, 46);
        for (int i = 0; i < weeks.Count; i++)
        {
            double x = left + i * band + (band - bar) / 2, below = 0;
            foreach (string e in exercises)
            {
                double s = Seconds(e, weeks[i]);
                if (s <= 0) continue;
                double y0 = Y(below), y1 = Y(below + s);
                svg.Rect(x, y1, bar, Math.Max(y0 - y1 - 1.5, 1), ExerciseColors.Of(e), radius: 3,
                    title: $"Week of {ReportPage.Day(weeks[i])}: {DisplayFormat.Exercise(e)} {DisplayFormat.Duration(TimeSpan.FromSeconds(s))}");
                below += s;
            }
            if (below > 0) svg.Text(x + bar / 2, Y(below) - 5, DisplayFormat.Duration(TimeSpan.FromSeconds(below)), anchor: "middle", size: 11, fill: "#334155", weight: 600);
            svg.Text(x + bar / 2, height - 8, ReportPage.ShortDay(weeks[i]), anchor: "middle", size: 11, fill: "#94a3b8");
        }
        return svg.ToString();
    }

    /// <summary>Small bars of one value per week, the best and the latest week labelled; the first and last week named under them.</summary>
    public static string WeeklyBars(IReadOnlyList<DateOnly> weeks, IReadOnlyList<double> values, string color, Func<double, string> format, string label, double width, double height)
    {
        const double top = 16, bottom = 16;
        var svg = new SvgCanvas(width, height, label, "chart mini");
        double plotH = height - top - bottom, max = values.DefaultIfEmpty(0).Max();
        double band = width / Math.Max(values.Count, 1), bar = Math.Min(band * 0.7, 26);
        int best = values.Count == 0 || max <= 0 ? -1 : values.ToList().IndexOf(max);
        int latest = values.Count - 1;
        while (latest >= 0 && values[latest] <= 0) latest--;
        svg.Line(0, top + plotH + 0.5, width, top + plotH + 0.5, "#e2e8f0");
        for (int i = 0; i < values.Count; i++)
        {
            double x = i * band + (band - bar) / 2, h = max <= 0 ? 0 : Math.Max(values[i] / max * plotH, values[i] > 0 ? 2 : 0);
            if (h <= 0)
            {
                svg.Rect(x, top + plotH - 2, bar, 2, "#eef2f7", radius: 1);
                continue;
            }
            svg.Rect(x, top + plotH - h, bar, h, color, radius: 2.5, title: $"Week of {ReportPage.Day(weeks[i])}: {format(values[i])}");
            if (i == best || i == latest)
                svg.Text(x + bar / 2, top + plotH - h - 4, format(values[i]), anchor: "middle", size: 10.5, fill: "#334155", weight: 600);
        }
        if (weeks.Count > 0)
        {
            svg.Text(0, height - 2, ReportPage.ShortDay(weeks[0]), size: 10, fill: "#94a3b8");
            if (weeks.Count > 1) svg.Text(width, height - 2, ReportPage.ShortDay(weeks[^1]), anchor: "end", size: 10, fill: "#94a3b8");
        }
        return svg.ToString();
    }

    /// <summary>Exercises in the order the weekly chart stacks them: most time first.</summary>
    public static IReadOnlyList<string> ByTime(ProgressHistory history, IReadOnlyList<DateOnly> weeks) =>
        history.Weekly.Where(t => t.PeriodStart is { } w && weeks.Contains(w) && !ExerciseCatalog.IsIdle(t.Exercise))
            .GroupBy(t => t.Exercise)
            .OrderByDescending(g => g.Sum(t => t.Time.Ticks)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
}
