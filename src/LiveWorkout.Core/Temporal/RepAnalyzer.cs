namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Finds repetitions in a sequence of feature vectors (RepNet-style periodicity, no learning):
/// resample to a uniform grid, remove slow drift, estimate the period by the autocorrelation
/// summed over all feature dimensions (robust to which dimension moves), project onto the first
/// principal component after removing drift over one period, and take peaks at least 0.6
/// periods apart with their prominence and how well each repeats one period away.
/// </summary>
public static class RepAnalyzer
{
    /// <summary>Grid step: 20 Hz keeps 0.6 s reps at 12 samples a period and timing within 50 ms.</summary>
    public const double GridSeconds = 0.05;

    /// <summary>The period search range is widened by this share so a period right at a bound is still found.</summary>
    private const double BoundTolerance = 0.05;

    /// <summary>Principal components whose summed autocorrelation gives the period.</summary>
    private const int PeriodComponents = 3;

    /// <summary>A shorter candidate period wins if its autocorrelation rises at least this share as high.</summary>
    private const double ShorterPeriodShare = 0.85;

    /// <summary>Below this rise of the autocorrelation from its valley to its peak a stretch counts as not periodic.</summary>
    private const double MinPeriodicity = 0.4;

    public static RepAnalysis Analyze(IReadOnlyList<TimeSpan> times, IReadOnlyList<float[]> features,
        double minPeriod, double maxPeriod, double minCorrelation, double[]? previousDirection = null)
    {
        if (times.Count != features.Count) throw new ArgumentException("times and features differ in length");
        if (times.Count < 8 || features[0].Length == 0) return RepAnalysis.None;
        double span = (times[^1] - times[0]).TotalSeconds;
        if (span < 2 * minPeriod) return RepAnalysis.None;

        // Low-pass over a fifth of the shortest period: less frame noise, reps keep over 90% of their swing.
        double[][] grid = LowPass(Resample(times, features, span), (int)Math.Round(minPeriod / 10 / GridSeconds));
        int m = grid.Length;
        // The period comes from the few strongest motion directions: summed over hundreds of
        // embedding dimensions, noise would drown a motion that lives in one or two of them.
        double[][] drifting = Detrend(grid, (int)Math.Round(maxPeriod / GridSeconds / 2));
        var (period, periodicity) = EstimatePeriod(PrincipalScores(drifting, PeriodComponents), minPeriod, maxPeriod);
        if (period is null) return RepAnalysis.None with { Periodicity = periodicity };

        int periodSamples = Math.Max(2, (int)Math.Round(period.Value / GridSeconds));
        double[][] centred = Detrend(grid, periodSamples / 2);
        double[] direction = PrincipalDirection(centred, previousDirection);
        var signal = new double[m];
        for (int i = 0; i < m; i++) signal[i] = Dot(centred[i], direction);
        signal = MovingAverage(signal, (int)Math.Round(period.Value / 16 / GridSeconds));

        var peaks = FindPeaks(signal, periodSamples, times[0]);
        if (previousDirection is null)
        {
            // Which extreme of the motion is the rep is not in the data's sign: count the one that
            // repeats more often. A set starts and ends at rest, so the rest extreme is one rep
            // short of the other (its first and last are the set's edges, not peaks).
            var opposite = FindPeaks(signal.Select(v => -v).ToArray(), periodSamples, times[0]);
            if (opposite.Count(p => Repeats(p, minCorrelation)) > peaks.Count(p => Repeats(p, minCorrelation)))
            {
                peaks = opposite;
                for (int k = 0; k < direction.Length; k++) direction[k] = -direction[k];
            }
        }
        var repeating = peaks.Where(p => Repeats(p, minCorrelation)).Select(p => p.Prominence).Order().ToList();
        // Upper decile (nearest rank): early in a set most repeating peaks may still be set-up wiggles.
        double reference = repeating.Count == 0 ? 0 : repeating[(int)Math.Ceiling(0.9 * repeating.Count) - 1];
        return new RepAnalysis(period, peaks, reference, direction, periodicity);
    }

    /// <summary>The motion around the peak repeats one period earlier or later.</summary>
    private static bool Repeats(RepPeak peak, double minCorrelation) =>
        Math.Max(peak.BackCorrelation ?? -1, peak.ForwardCorrelation ?? -1) >= minCorrelation;

    private static double[][] Resample(IReadOnlyList<TimeSpan> times, IReadOnlyList<float[]> features, double span)
    {
        int m = (int)Math.Floor(span / GridSeconds) + 1, d = features[0].Length;
        var grid = new double[m][];
        int j = 0;
        for (int i = 0; i < m; i++)
        {
            double t = times[0].TotalSeconds + i * GridSeconds;
            while (j < times.Count - 2 && times[j + 1].TotalSeconds < t) j++;
            double t0 = times[j].TotalSeconds, t1 = times[j + 1].TotalSeconds;
            double w = t1 > t0 ? Math.Clamp((t - t0) / (t1 - t0), 0, 1) : 0;
            var row = new double[d];
            float[] a = features[j], b = features[j + 1];
            for (int k = 0; k < d; k++) row[k] = a[k] + w * (b[k] - a[k]);
            grid[i] = row;
        }
        return grid;
    }

    private static double[][] LowPass(double[][] grid, int half)
    {
        if (half <= 0) return grid;
        var detrended = Detrend(grid, half);
        var result = new double[grid.Length][];
        for (int i = 0; i < grid.Length; i++)
        {
            var row = new double[grid[i].Length];
            for (int k = 0; k < row.Length; k++) row[k] = grid[i][k] - detrended[i][k];
            result[i] = row;
        }
        return result;
    }

    /// <summary>Subtracts a centred moving average (half-width in samples), shrinking the window at the edges.</summary>
    private static double[][] Detrend(double[][] grid, int half)
    {
        int m = grid.Length, d = grid[0].Length;
        var prefix = new double[m + 1][];
        prefix[0] = new double[d];
        for (int i = 0; i < m; i++)
        {
            var p = new double[d];
            for (int k = 0; k < d; k++) p[k] = prefix[i][k] + grid[i][k];
            prefix[i + 1] = p;
        }
        var result = new double[m][];
        for (int i = 0; i < m; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(m - 1, i + half);
            double count = hi - lo + 1;
            var row = new double[d];
            for (int k = 0; k < d; k++) row[k] = grid[i][k] - (prefix[hi + 1][k] - prefix[lo][k]) / count;
            result[i] = row;
        }
        return result;
    }

    private static (double? Period, double Periodicity) EstimatePeriod(double[][] y, double minPeriod, double maxPeriod)
    {
        int m = y.Length;
        int kMin = Math.Max(1, (int)Math.Floor(minPeriod * (1 - BoundTolerance) / GridSeconds));
        int kMax = Math.Min((int)Math.Ceiling(maxPeriod * (1 + BoundTolerance) / GridSeconds), (m - 1) / 2);
        if (kMax < kMin + 1) return (null, 0);
        double energy = 0;
        for (int i = 0; i < m; i++) energy += Dot(y[i], y[i]);
        if (energy <= 1e-12) return (null, 0);
        // Biased estimator (divide by the full energy): it favours the fundamental over its multiples.
        var r = new double[kMax + 2];
        int kTop = Math.Min(kMax + 1, m - 1);
        for (int k = 1; k <= kTop; k++)
        {
            double s = 0;
            for (int i = 0; i + k < m; i++) s += Dot(y[i], y[i + k]);
            r[k] = s / energy;
        }
        // A period is a local maximum that rises well above the valley before it (half a period
        // of anti-correlation): slow drift gives high but falling r with only tiny bumps.
        int best = -1;
        double bestRise = 0, valley = double.PositiveInfinity;
        for (int k = 1; k <= kMax; k++)
        {
            valley = Math.Min(valley, r[k]);
            if (k < kMin) continue;
            bool rightOk = k + 1 > kTop || r[k] >= r[k + 1];
            double rise = r[k] - valley;
            if (r[k] > r[k - 1] && rightOk && rise > bestRise) { best = k; bestRise = rise; }
        }
        if (best < 0) return (null, 0);
        if (bestRise < MinPeriodicity) return (null, bestRise);
        // Octave errors: a multiple of the period can win on noise; prefer the shortest lag nearly as strong.
        valley = double.PositiveInfinity;
        for (int k = 1; k < best; k++)
        {
            valley = Math.Min(valley, r[k]);
            if (k < kMin || r[k] <= r[k - 1] || r[k] < r[k + 1]) continue;
            if (r[k] - valley >= ShorterPeriodShare * bestRise) { best = k; bestRise = r[k] - valley; break; }
        }
        double lag = best;
        if (best + 1 <= m - 1)
        {
            double a = r[best - 1], b = r[best], c = r[best + 1], den = a - 2 * b + c;
            if (Math.Abs(den) > 1e-12) lag += Math.Clamp(0.5 * (a - c) / den, -0.5, 0.5);
        }
        return (lag * GridSeconds, bestRise);
    }

    /// <summary>Scores of the rows on their first <paramref name="count"/> principal components (power iteration with deflation).</summary>
    private static double[][] PrincipalScores(double[][] rows, int count)
    {
        int m = rows.Length;
        count = Math.Min(count, rows[0].Length);
        var residual = rows.Select(r => (double[])r.Clone()).ToArray();
        var scores = new double[m][];
        for (int i = 0; i < m; i++) scores[i] = new double[count];
        for (int c = 0; c < count; c++)
        {
            double[] v = PrincipalDirection(residual, null);
            for (int i = 0; i < m; i++)
            {
                double p = Dot(residual[i], v);
                scores[i][c] = p;
                for (int k = 0; k < v.Length; k++) residual[i][k] -= p * v[k];
            }
        }
        return scores;
    }

    /// <summary>First principal component by power iteration, its sign kept from the previous analysis.</summary>
    private static double[] PrincipalDirection(double[][] rows, double[]? previous)
    {
        int d = rows[0].Length;
        var v = new double[d];
        if (previous is not null && previous.Length == d) Array.Copy(previous, v, d);
        else for (int k = 0; k < d; k++) v[k] = 1 + 0.01 * k; // deterministic start, not orthogonal to typical motion
        Normalise(v);
        var next = new double[d];
        for (int iteration = 0; iteration < 30; iteration++)
        {
            Array.Clear(next);
            foreach (var row in rows)
            {
                double p = Dot(row, v);
                for (int k = 0; k < d; k++) next[k] += p * row[k];
            }
            if (Normalise(next) == 0) break;
            Array.Copy(next, v, d);
        }
        if (previous is not null && previous.Length == d)
        {
            if (Dot(v, previous) < 0) for (int k = 0; k < d; k++) v[k] = -v[k];
        }
        else
        {
            int largest = 0;
            for (int k = 1; k < d; k++) if (Math.Abs(v[k]) > Math.Abs(v[largest])) largest = k;
            if (v[largest] < 0) for (int k = 0; k < d; k++) v[k] = -v[k];
        }
        return v;
    }

    private static List<RepPeak> FindPeaks(double[] s, int period, TimeSpan start)
    {
        int m = s.Length;
        var candidates = new List<int>();
        for (int i = 1; i < m - 1; i++)
            if (s[i] > s[i - 1] && s[i] >= s[i + 1]) candidates.Add(i);
        // Highest first, then suppress any within 0.6 periods: one peak per cycle.
        int spacing = (int)Math.Ceiling(0.6 * period);
        var kept = new List<int>();
        foreach (int i in candidates.OrderByDescending(i => s[i]).ThenBy(i => i))
            if (kept.TrueForAll(k => Math.Abs(k - i) >= spacing)) kept.Add(i);
        kept.Sort();

        var peaks = new List<RepPeak>(kept.Count);
        int half = period / 2;
        foreach (int i in kept)
        {
            int lo = Math.Max(0, i - period), hi = Math.Min(m - 1, i + period);
            double leftMin = Min(s, lo, i), rightMin = Min(s, i, hi);
            bool leftOk = i - lo >= half, rightOk = hi - i >= half;
            double floor = leftOk && rightOk ? Math.Max(leftMin, rightMin) : leftOk ? leftMin : rightOk ? rightMin : Math.Max(leftMin, rightMin);
            double? back = i - half - period >= 0 ? Correlation(s, i - half, i - half - period, ComparedLength(m, i - half, half)) : null;
            double? forward = i + half + period <= m - 1 ? Correlation(s, i - half, i - half + period, 2 * half + 1) : null;
            peaks.Add(new RepPeak(start + TimeSpan.FromSeconds(i * GridSeconds), s[i] - floor, back, forward));
        }
        return peaks;
    }

    /// <summary>
    /// How much of the stretch from <paramref name="start"/> (a period long, centred on a peak) is
    /// compared with the period before it: near the signal's end it may lack up to a quarter of the
    /// half period after the peak, so the last rep of a clip that stops soon after it still counts;
    /// where more is missing, the whole stretch, which <see cref="Correlation"/> refuses.
    /// </summary>
    private static int ComparedLength(int m, int start, int half)
    {
        int full = 2 * half + 1, available = m - start;
        return available >= full - half / 4 ? Math.Min(full, available) : full;
    }

    private static double? Correlation(double[] s, int a, int b, int length)
    {
        if (a < 0 || b < 0 || a + length > s.Length || b + length > s.Length) return null;
        double ma = 0, mb = 0;
        for (int i = 0; i < length; i++) { ma += s[a + i]; mb += s[b + i]; }
        ma /= length; mb /= length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < length; i++)
        {
            double x = s[a + i] - ma, y = s[b + i] - mb;
            sab += x * y; saa += x * x; sbb += y * y;
        }
        return saa <= 1e-18 || sbb <= 1e-18 ? 0 : sab / Math.Sqrt(saa * sbb);
    }

    private static double[] MovingAverage(double[] s, int half)
    {
        if (half <= 0) return s;
        var prefix = new double[s.Length + 1];
        for (int i = 0; i < s.Length; i++) prefix[i + 1] = prefix[i] + s[i];
        var result = new double[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(s.Length - 1, i + half);
            result[i] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
        }
        return result;
    }

    private static double Min(double[] s, int lo, int hi)
    {
        double min = double.PositiveInfinity;
        for (int i = lo; i <= hi; i++) min = Math.Min(min, s[i]);
        return min;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    private static double Normalise(double[] v)
    {
        double n = Math.Sqrt(Dot(v, v));
        if (n > 0) for (int k = 0; k < v.Length; k++) v[k] /= n;
        return n;
    }
}
