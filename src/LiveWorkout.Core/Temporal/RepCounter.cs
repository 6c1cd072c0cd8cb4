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
/// With a rep phase, the phase's turns are a second count (<see cref="PhaseTurns"/>), kept apart
/// from the first: the reps announced are whichever count is ahead, so neither route disturbs
/// the other.
/// </summary>
public sealed class RepCounter
{
    private readonly TemporalOptions _options;
    private readonly double _minPeriod, _maxPeriod;
    private readonly TimeSpan _window, _updateEvery;
    private readonly List<TimeSpan> _times = [];
    private readonly List<float[]> _features = [];
    private readonly List<TimeSpan> _reps = [];
    private readonly List<TimeSpan> _peakReps = [];
    private TimeSpan? _lastAnalysis;
    private double[]? _direction;

    private readonly TimeSpan _countFrom;
    private readonly PhaseTurns? _turns;

    /// <param name="countFrom">The set's onset: frames before it (see <see cref="AddContext"/>) are analysed, never counted.</param>
    public RepCounter(string exercise, TemporalOptions options, TimeSpan countFrom = default)
    {
        _countFrom = countFrom;
        _options = options;
        (_minPeriod, _maxPeriod) = options.PeriodBoundsFor(exercise);
        _window = TimeSpan.FromSeconds(Math.Max(options.RepWindowSeconds, 3 * _maxPeriod));
        _updateEvery = TimeSpan.FromSeconds(options.RepUpdateSeconds);
        if (options.RepPhaseTurnMagnitude > 0) _turns = new PhaseTurns(options.RepPhaseTurnMagnitude);
    }

    /// <summary>Every rep counted so far.</summary>
    public IReadOnlyList<TimeSpan> RepTimes => _reps;

    /// <summary>
    /// Whether the motion repeats: the periodicity counted a rep, or the phase turned
    /// <see cref="TurnsThatRepeat"/> times. One or two turns are not enough, since a phase head may
    /// turn in a moment's motion the classifier took for a set.
    /// </summary>
    public bool Repeating => _peakReps.Count > 0 || _reps.Count >= TurnsThatRepeat;

    /// <summary>Phase turns that show a repeating motion without the periodicity: reps slower than the exercise's longest period have none.</summary>
    private const int TurnsThatRepeat = 3;

    /// <summary>
    /// When the last rep was, by either count: the periodicity's last rep may come after the last
    /// announced, which a phase turn announced first.
    /// </summary>
    public TimeSpan? LastRep => _reps.Count == 0 ? null : _peakReps.Count > 0 && _peakReps[^1] > _reps[^1] ? _peakReps[^1] : _reps[^1];

    /// <summary>Last period estimate, if any.</summary>
    public double? PeriodSeconds { get; private set; }

    /// <summary>A frame from before the set's onset: context for the analysis only. Add them first, in order.</summary>
    /// <param name="phase">The model's rep phase (cos, sin) of the frame, if it gives one.</param>
    public void AddContext(TimeSpan time, float[] features, float[]? phase = null)
    {
        _times.Add(time);
        _features.Add(features);
        _turns?.Add(time, phase);
    }

    /// <summary>
    /// Adds a frame of the set; returns the reps it confirmed (usually none). Reps after
    /// <paramref name="horizon"/> (the set's last frame of the exercise so far) wait.
    /// </summary>
    public IReadOnlyList<TimeSpan> Push(TimeSpan time, float[] features, TimeSpan horizon, float[]? phase = null)
    {
        _times.Add(time);
        _features.Add(features);
        _turns?.Add(time, phase);
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
        _turns?.Finish();
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

    /// <summary>
    /// Commits the periodicity's peaks, then announces the reps by which the larger count, the
    /// periodicity's or the phase turns', is ahead of those announced.
    /// </summary>
    private List<TimeSpan> Commit(RepAnalysis analysis, TimeSpan now, TimeSpan horizon, bool final)
    {
        CommitPeaks(analysis, now, horizon, final);
        IReadOnlyList<TimeSpan> ahead = _peakReps;
        if (_turns is not null)
        {
            var turns = _turns.Times.Where(t => t >= _countFrom && t <= horizon).ToList();
            if (turns.Count > ahead.Count) ahead = turns;
        }
        var added = new List<TimeSpan>();
        for (int k = _reps.Count; k < ahead.Count; k++)
        {
            // The k-th rep of either count is the same rep give or take a little; a time never goes back.
            var time = _reps.Count > 0 && ahead[k] < _reps[^1] ? _reps[^1] : ahead[k];
            _reps.Add(time);
            added.Add(time);
        }
        return added;
    }

    /// <summary>The periodicity's count: commits the peaks that are settled reps.</summary>
    private void CommitPeaks(RepAnalysis analysis, TimeSpan now, TimeSpan horizon, bool final)
    {
        if (analysis.PeriodSeconds is not { } period || analysis.ReferenceProminence <= 0) return;
        var settled = now - TimeSpan.FromSeconds(period / 2);
        var spacing = TimeSpan.FromSeconds(0.6 * period);
        foreach (var peak in analysis.Peaks)
        {
            if (peak.Time < _countFrom || (_peakReps.Count > 0 && peak.Time - _peakReps[^1] < spacing)) continue;
            if (peak.Time > horizon || (!final && peak.Time > settled)) break;
            bool? repeats = Repeats(peak, final);
            if (repeats is null) break; // wait for the next period before deciding this or any later peak
            if (repeats.Value && peak.Prominence >= _options.RepMinProminence * analysis.ReferenceProminence)
            {
                _peakReps.AddRange(MissedBetween(peak.Time, period).ToList());
                _peakReps.Add(peak.Time);
            }
        }
    }

    /// <summary>
    /// Reps missed inside a steady rhythm: where the gap since the last rep is nearer a whole
    /// number of periods above one than to one period, and at most
    /// <see cref="TemporalOptions.RepGapFillPeriods"/> periods, the reps in between are taken to
    /// have happened, evenly spaced (see that option for why).
    /// </summary>
    private IEnumerable<TimeSpan> MissedBetween(TimeSpan next, double period)
    {
        if (_peakReps.Count == 0 || _options.RepGapFillPeriods <= 0) yield break;
        var last = _peakReps[^1];
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
