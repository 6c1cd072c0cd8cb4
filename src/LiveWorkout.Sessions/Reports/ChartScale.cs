namespace LiveWorkout.Sessions.Reports;

/// <summary>Round axis steps for the charts: counts in 1-2-5 steps, durations in whole minutes or seconds a clock shows.</summary>
internal static class ChartScale
{
    /// <summary>A step of 1, 2 or 5 times a power of ten giving about <paramref name="ticks"/> ticks up to <paramref name="max"/> (at least 1).</summary>
    public static double CountStep(double max, int ticks = 4)
    {
        double raw = Math.Max(max, 1) / ticks;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        return Math.Max(step, 1);
    }

    /// <summary>A step in seconds (15 s to 2 h) giving about <paramref name="ticks"/> ticks up to <paramref name="maxSeconds"/>.</summary>
    public static double TimeStep(double maxSeconds, int ticks = 4)
    {
        double[] steps = [15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 14400];
        double raw = Math.Max(maxSeconds, 60) / ticks;
        return steps.FirstOrDefault(s => s >= raw, steps[^1]);
    }

    /// <summary>The axis top: the first multiple of <paramref name="step"/> at or above <paramref name="max"/>, never zero.</summary>
    public static double Top(double max, double step) => Math.Max(step, Math.Ceiling(Math.Max(max, 0) / step - 1e-9) * step);
}
