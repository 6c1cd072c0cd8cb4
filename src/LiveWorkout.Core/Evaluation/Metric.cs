namespace LiveWorkout.Core.Evaluation;

/// <summary>Shared arithmetic of the metrics.</summary>
public static class Metric
{
    public static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    /// <summary>Percentile by linear interpolation between closest ranks (Excel PERCENTILE.INC, numpy default); null when empty.</summary>
    public static double? Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        double rank = percent / 100 * (sorted.Count - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double? Median(IEnumerable<double> values) => Percentile(values, 50);
}
