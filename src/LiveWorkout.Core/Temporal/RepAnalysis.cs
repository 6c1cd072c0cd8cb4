namespace LiveWorkout.Core.Temporal;

/// <summary>The periodicity found in a stretch of a set.</summary>
/// <param name="PeriodSeconds">Estimated rep period, or null when the stretch is not periodic within the bounds.</param>
/// <param name="Peaks">Candidate reps, in time order, at least 0.6 periods apart.</param>
/// <param name="ReferenceProminence">Upper-decile prominence of the peaks that repeat: the set's full swing.</param>
/// <param name="Periodicity">Rise of the normalised autocorrelation from the valley before the period to its peak there (about 2 for a long clean repetition).</param>
/// <param name="Direction">The motion direction in feature space (first principal component), to keep the sign stable between analyses.</param>
public sealed record RepAnalysis(double? PeriodSeconds, IReadOnlyList<RepPeak> Peaks, double ReferenceProminence, double[]? Direction, double Periodicity = 0)
{
    public static RepAnalysis None { get; } = new(null, [], 0, null);
}
