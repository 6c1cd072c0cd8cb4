namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Counts the reps of one open set online. Every <see cref="TemporalOptions.RepUpdateSeconds"/>
/// it analyses the set's trailing window (<see cref="RepAnalyzer"/>) and commits, in time order,
/// peaks that are settled (half a period old), at least 0.6 periods after the last rep, swing at
/// least <see cref="TemporalOptions.RepMinProminence"/> of the typical swing, and repeat one
/// period earlier or, failing that, later; a rep missed between two of them inside a steady
/// rhythm is filled in (<see cref="TemporalOptions.RepGapFillPeriods"/>). A peak still waiting
/// for its later period holds back those after it, so the count only ever grows and never needs
/// correcting; the final count is exactly the reps already announced plus those confirmed at the end.
/// </summary>
public sealed class RepCounter
{
    private readonly TemporalOptions _options;
    private readonly double _minPeriod, _maxPeriod;
    private readonly TimeSpan _window, _updateEvery;
    private readonly List<TimeSpan> _times = [];
    private readonly List<float[]> _features = [];
    private readonly List<TimeSpan> _reps = [];
    private TimeSpan? _lastAnalysis;
    private double[]? _direction;

    private readonly TimeSpan _countFrom;

    /// <param name="countFrom">The set's onset: frames before it (see <see cref="AddContext"/>) are analysed, never counted.</param>
    public RepCounter(string exercise, TemporalOptions options, TimeSpan countFrom = default)
    {
        _countFrom = countFrom;
        _options = options;
        (_minPeriod, _maxPeriod) = options.PeriodBoundsFor(exercise);
        _window = TimeSpan.FromSeconds(Math.Max(options.RepWindowSeconds, 3 * _maxPeriod));
        _updateEvery = TimeSpan.FromSeconds(options.RepUpdateSeconds);
    }

    /// <summary>Every rep counted so far.</summary>
    public IReadOnlyList<TimeSpan> RepTimes => _reps;

    /// <summary>Last period estimate, if any.</summary>
    public double? PeriodSeconds { get; private set; }

    /// <summary>A frame from before the set's onset: context for the analysis only. Add them first, in order.</summary>
    public void AddContext(TimeSpan time, float[] features)
    {
        _times.Add(time);
        _features.Add(features);
    }

    /// <summary>
    /// Adds a frame of the set; returns the reps it confirmed (usually none). Reps after
    /// <paramref name="horizon"/> (the set's last frame of the exercise so far) wait.
    /// </summary>
    public IReadOnlyList<TimeSpan> Push(TimeSpan time, float[] features, TimeSpan horizon)
    {
        _times.Add(time);
        _features.Add(features);
        int drop = 0;
        while (drop < _times.Count - 1 && _times[drop] < time - _window) drop++;
        if (drop > 0) { _times.RemoveRange(0, drop); _features.RemoveRange(0, drop); }

        if (_lastAnalysis is { } last && time - last < _updateEvery) return [];
        _lastAnalysis = time;
        return Commit(Analyze(_times.Count), time, horizon, final: false);
    }

    /// <summary>
    /// The set ended at <paramref name="end"/>: confirms the remaining reps up to it. The frames
    /// already received after the end, up to <see cref="TemporalOptions.RepContextSeconds"/>, are
    /// analysed as context for the last rep.
    /// </summary>
    public IReadOnlyList<TimeSpan> Finish(TimeSpan end)
    {
        var until = end + TimeSpan.FromSeconds(_options.RepContextSeconds);
        int count = _times.FindLastIndex(t => t <= until) + 1;
        return Commit(Analyze(count), end, end, final: true);
    }

    private RepAnalysis Analyze(int count)
    {
        if (count < 8) return RepAnalysis.None;
        var analysis = RepAnalyzer.Analyze(_times.GetRange(0, count), _features.GetRange(0, count),
            _minPeriod, _maxPeriod, _options.RepMinCorrelation, _direction);
        if (analysis.Direction is not null) _direction = analysis.Direction;
        if (analysis.PeriodSeconds is not null) PeriodSeconds = analysis.PeriodSeconds;
        return analysis;
    }

    private List<TimeSpan> Commit(RepAnalysis analysis, TimeSpan now, TimeSpan horizon, bool final)
    {
        var added = new List<TimeSpan>();
        if (analysis.PeriodSeconds is not { } period || analysis.ReferenceProminence <= 0) return added;
        var settled = now - TimeSpan.FromSeconds(period / 2);
        var spacing = TimeSpan.FromSeconds(0.6 * period);
        foreach (var peak in analysis.Peaks)
        {
            if (peak.Time < _countFrom || (_reps.Count > 0 && peak.Time - _reps[^1] < spacing)) continue;
            if (peak.Time > horizon || (!final && peak.Time > settled)) break;
            bool? repeats = Repeats(peak, final);
            if (repeats is null) break; // wait for the next period before deciding this or any later peak
            if (repeats.Value && peak.Prominence >= _options.RepMinProminence * analysis.ReferenceProminence)
            {
                foreach (var missed in MissedBetween(peak.Time, period))
                {
                    _reps.Add(missed);
                    added.Add(missed);
                }
                _reps.Add(peak.Time);
                added.Add(peak.Time);
            }
        }
        return added;
    }

    /// <summary>
    /// Reps missed inside a steady rhythm: where the gap since the last rep is nearer a whole
    /// number of periods above one than to one period, and at most
    /// <see cref="TemporalOptions.RepGapFillPeriods"/> periods, the reps in between are taken to
    /// have happened, evenly spaced (see that option for why).
    /// </summary>
    private IEnumerable<TimeSpan> MissedBetween(TimeSpan next, double period)
    {
        if (_reps.Count == 0 || _options.RepGapFillPeriods <= 0) yield break;
        var last = _reps[^1];
        double periods = (next - last).TotalSeconds / period;
        if (periods > _options.RepGapFillPeriods) yield break;
        int missing = (int)Math.Round(periods, MidpointRounding.AwayFromZero) - 1;
        for (int k = 1; k <= missing; k++) yield return last + (next - last) * k / (missing + 1);
    }

    private bool? Repeats(RepPeak peak, bool final)
    {
        double threshold = _options.RepMinCorrelation;
        if (peak.BackCorrelation >= threshold) return true;
        if (peak.ForwardCorrelation is { } forward) return forward >= threshold;
        return final ? false : null;
    }
}
