using LiveWorkout.Core;
using ScottPlot;

namespace LiveWorkout.Sessions.Reports;

/// <summary>The report's four charts, drawn with ScottPlot as PNG bytes. Time axes are in minutes.</summary>
public static class SessionCharts
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>One colour per exercise, the same in every chart and the HTML table.</summary>
    public static Color ColorOf(string exercise)
    {
        int index = ExerciseCatalog.All.ToList().IndexOf(exercise);
        if (ExerciseCatalog.IsIdle(exercise)) return Colors.Gray;
        return Palette.GetColor(index < 0 ? Math.Abs(StringComparer.Ordinal.GetHashCode(exercise)) : index);
    }

    /// <summary>Gantt-like lanes: one row per exercise, a bar per set.</summary>
    public static byte[] Timeline(SessionLog log, int width, int height)
    {
        var plot = NewPlot("Timeline of exercises", "minutes", null);
        var exercises = log.Sets.Select(s => s.Exercise).Distinct(StringComparer.Ordinal).ToList();
        foreach (var set in log.Sets)
        {
            double lane = exercises.Count - 1 - exercises.IndexOf(set.Exercise);
            var rect = plot.Add.Rectangle(Minutes(set.Start), Minutes(set.End), lane - 0.35, lane + 0.35);
            rect.FillStyle.Color = ColorOf(set.Exercise);
            rect.LineStyle.Width = 0;
        }
        foreach (var gap in log.Gaps)
        {
            var span = plot.Add.HorizontalSpan(Minutes(gap.Lost), Minutes(gap.Recovered ?? gap.Lost));
            span.FillStyle.Color = Colors.Red.WithAlpha(0.15);
            span.LineStyle.Width = 0;
        }
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, exercises.Count).Select(i => (double)(exercises.Count - 1 - i)).ToArray(),
            exercises.Select(DisplayFormat.Exercise).ToArray());
        plot.Axes.SetLimits(0, Math.Max(Minutes(SessionSummary.Of(log).Duration), 0.1), -0.6, Math.Max(exercises.Count, 1) - 0.4);
        return Png(plot, width, height);
    }

    /// <summary>Active time per exercise (minutes), longest first, as horizontal bars so names stay readable.</summary>
    public static byte[] TimePerExercise(SessionLog log, int width, int height)
    {
        var plot = NewPlot("Time per exercise", "minutes", null);
        var totals = log.Sets.GroupBy(s => s.Exercise).Select(g => (Exercise: g.Key, Minutes: g.Sum(s => Minutes(s.Duration)))).OrderByDescending(t => t.Minutes).ToList();
        var bars = totals.Select((t, i) => new Bar { Position = totals.Count - 1 - i, Value = t.Minutes, FillColor = ColorOf(t.Exercise), LineWidth = 0 }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, totals.Count).Select(i => (double)(totals.Count - 1 - i)).ToArray(), totals.Select(t => DisplayFormat.Exercise(t.Exercise)).ToArray());
        plot.Axes.Margins(left: 0);
        return Png(plot, width, height);
    }

    /// <summary>Reps of each set in order; a timed set has no bar, only its length marked "s".</summary>
    public static byte[] RepsPerSet(SessionLog log, int width, int height)
    {
        var plot = NewPlot("Reps per set", "set", "reps");
        var bars = log.Sets.Select(s => new Bar
        {
            Position = s.Order,
            Value = ExerciseMeasure.CountedReps(s),
            FillColor = ColorOf(s.Exercise),
            LineWidth = 0,
            Label = ExerciseMeasure.IsTimed(s.Exercise) ? $"{ExerciseMeasure.TimedLength(s).TotalSeconds:0}s" : s.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 11;
        plot.Axes.Bottom.SetTicks(log.Sets.Select(s => (double)s.Order).ToArray(), log.Sets.Select(s => s.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return Png(plot, width, height);
    }

    /// <summary>The smoothed prediction's confidence over time, sets shaded in their exercise colour.</summary>
    public static byte[] ConfidenceOverTime(SessionLog log, int width, int height)
    {
        var plot = NewPlot("Confidence over time", "minutes", "confidence");
        foreach (var set in log.Sets)
        {
            var span = plot.Add.HorizontalSpan(Minutes(set.Start), Minutes(set.End));
            span.FillStyle.Color = ColorOf(set.Exercise).WithAlpha(0.18);
            span.LineStyle.Width = 0;
        }
        if (log.Timeline.Count > 0)
        {
            var line = plot.Add.Scatter(log.Timeline.Select(p => Minutes(p.Time)).ToArray(), log.Timeline.Select(p => p.Confidence).ToArray());
            line.Color = Colors.Black;
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
        }
        plot.Axes.SetLimits(0, Math.Max(Minutes(SessionSummary.Of(log).Duration), 0.1), 0, 1.05);
        return Png(plot, width, height);
    }

    private static Plot NewPlot(string title, string? xLabel, string? yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        plot.Title(title, size: 16);
        if (xLabel is not null) plot.XLabel(xLabel, size: 13);
        if (yLabel is not null) plot.YLabel(yLabel, size: 13);
        return plot;
    }

    private static byte[] Png(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    private static double Minutes(TimeSpan t) => t.TotalMinutes;
}
