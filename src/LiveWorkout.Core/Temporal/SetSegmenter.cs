namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Turns smoothed labels into sets with hysteresis. A set starts once one exercise has won
/// without interruption for <see cref="TemporalOptions.SetStartSeconds"/> and ends after
/// <see cref="TemporalOptions.SetEndSeconds"/> without it, so flickers shorter than those never
/// create or split a set. Smoothing makes labels lag, so the onset is walked back over the
/// frames just before the smoothed run whose raw label already was the exercise, then over those
/// where the exercise is still likely (<see cref="TemporalOptions.OnsetBackfillProbability"/>),
/// and the end is the last frame where raw and smoothed labels both were the exercise.
/// </summary>
public sealed class SetSegmenter
{
    /// <summary>Half the window over which <see cref="TemporalOptions.OnsetBackfillProbability"/> is averaged.</summary>
    private static readonly TimeSpan BackfillHalfWindow = TimeSpan.FromSeconds(0.25);

    private readonly IReadOnlyList<string> _classes;
    private readonly Dictionary<string, int> _classIndex = new(StringComparer.Ordinal);
    private readonly double[] _sums; // Leads' per-class sums, reused: it runs on every idle frame of a run or set
    private readonly TemporalOptions _options;
    private readonly TimeSpan _startAfter, _endAfter, _holdEndAfter, _lookBack, _retain, _context, _backfill;
    private readonly List<SmoothedFrame> _recent = [];

    private string? _runLabel;
    private TimeSpan _runStart;

    private string? _open;
    private TimeSpan _openEndAfter; // the open set's end time: _holdEndAfter for a hold, else _endAfter
    private TimeSpan _lastSeen, _lastRawSeen;
    private TimeSpan? _afterRawSeen;
    private bool _awaitingAfterRaw;
    private TimeSpan? _previousEnd;

    private bool _restPending, _otherSinceEnd;
    private TimeSpan _restIfDirect;

    public SetSegmenter(IReadOnlyList<string> classes, TemporalOptions options)
    {
        _classes = classes;
        for (int c = 0; c < classes.Count; c++) _classIndex.TryAdd(classes[c], c);
        _sums = new double[classes.Count];
        _options = options;
        _startAfter = TimeSpan.FromSeconds(options.SetStartSeconds);
        _endAfter = TimeSpan.FromSeconds(options.SetEndSeconds);
        _holdEndAfter = TimeSpan.FromSeconds(Math.Max(options.SetEndSeconds, options.HoldSetEndSeconds));
        _lookBack = TimeSpan.FromSeconds(options.SmoothingSeconds);
        _context = TimeSpan.FromSeconds(options.RepContextSeconds);
        _backfill = TimeSpan.FromSeconds(options.OnsetBackfillProbability > 0 ? options.OnsetBackfillSeconds : 0);
        _retain = TimeSpan.FromSeconds(options.SetStartSeconds + options.SmoothingSeconds + options.RepContextSeconds + 1) + _holdEndAfter + _backfill; // _holdEndAfter: the longer end
    }

    /// <summary>The exercise of the open set, or null.</summary>
    public string? OpenExercise => _open;

    /// <summary>The open set's last frame of its exercise so far (where it would end now).</summary>
    public TimeSpan OpenSetLastFrame => _lastRawSeen;

    public IReadOnlyList<SegmentTransition> Push(SmoothedFrame frame)
    {
        var result = new List<SegmentTransition>(1);
        Remember(frame);
        if (frame.Label != _runLabel && !IdleInRepMotionOf(frame, _runLabel))
        {
            _runLabel = frame.Label;
            _runStart = frame.Time;
        }

        if (_open is not null)
        {
            if (_awaitingAfterRaw)
            {
                _afterRawSeen = frame.Time;
                _awaitingAfterRaw = false;
            }
            if (frame.Label == _open)
            {
                _lastSeen = frame.Time;
                if (frame.RawLabel == _open) SeenRaw(frame.Time);
            }
            else if (IdleInRepMotionOf(frame, _open))
            {
                _lastSeen = frame.Time; // keeps the set open; its end stays where the exercise was last seen
            }
            else if (frame.Time - _lastSeen >= _openEndAfter)
            {
                result.Add(Close(frame));
            }
        }

        if (_open is null)
        {
            if (!frame.IsIdle && frame.Time - _runStart >= _startAfter)
            {
                result.Add(Open(frame.Label));
            }
            else if (_restPending && frame.IsIdle)
            {
                result.Add(new RestBegan(_otherSinceEnd ? _runStart : _restIfDirect));
                _restPending = false;
            }
            else if (_restPending && !frame.IsIdle)
            {
                _otherSinceEnd = true;
            }
        }
        return result;
    }

    /// <summary>End of stream: an open set ends at its last frame of the exercise.</summary>
    public IReadOnlyList<SegmentTransition> Complete()
    {
        if (_open is null) return [];
        var closed = new SegmentClosed(_lastRawSeen, _open);
        _open = null;
        return [closed];
    }

    private void Remember(SmoothedFrame frame)
    {
        _recent.Add(frame);
        int drop = 0;
        while (drop < _recent.Count - 1 && _recent[drop].Time < frame.Time - _retain) drop++;
        if (drop > 0) _recent.RemoveRange(0, drop);
    }

    private void SeenRaw(TimeSpan time)
    {
        _lastRawSeen = time;
        _afterRawSeen = null;
        _awaitingAfterRaw = true;
    }

    private SegmentOpened Open(string exercise)
    {
        int first = _recent.FindIndex(f => f.Time >= _runStart);
        // Backfill: the smoothed winner lags the real onset; raw frames just before it show where it was.
        while (first > 0)
        {
            var before = _recent[first - 1];
            if (before.RawLabel != exercise || before.Time < _runStart - _lookBack || before.Time <= _previousEnd) break;
            first--;
        }
        int onset = BackfillWhileLikely(first, exercise);
        var frames = _recent.GetRange(first, _recent.Count - first);
        int context = first;
        while (context > 0 && _recent[context - 1].Time >= _recent[first].Time - _context && _recent[context - 1].Time > _previousEnd) context--;
        _open = exercise;
        _openEndAfter = ExerciseCatalog.IsStaticHold(exercise) ? _holdEndAfter : _endAfter;
        _lastSeen = frames[^1].Time;
        int lastRaw = frames.FindLastIndex(f => f.RawLabel == exercise);
        if (lastRaw < 0 || lastRaw == frames.Count - 1)
        {
            SeenRaw(frames[^1].Time);
        }
        else
        {
            _lastRawSeen = frames[lastRaw].Time;
            _afterRawSeen = frames[lastRaw + 1].Time;
            _awaitingAfterRaw = false;
        }
        _restPending = false;
        return new SegmentOpened(_recent[onset].Time, exercise, frames, _recent.GetRange(context, first - context));
    }

    /// <summary>
    /// Walks the onset back from <paramref name="first"/> over frames where the exercise's mean
    /// probability around them is at least <see cref="TemporalOptions.OnsetBackfillProbability"/>
    /// and above every other exercise's, then forward to the first such frame that itself reaches it.
    /// </summary>
    private int BackfillWhileLikely(int first, string exercise)
    {
        double threshold = _options.OnsetBackfillProbability;
        if (threshold <= 0 || !_classIndex.TryGetValue(exercise, out int k)) return first;
        var limit = _recent[first].Time - _backfill;
        int j = first;
        while (j > 0 && _recent[j - 1].Time >= limit && AfterPreviousSet(_recent[j - 1].Time) && Leads(j - 1, k, threshold, BackfillHalfWindow)) j--;
        while (j < first && !Leads(j, k, threshold, TimeSpan.Zero)) j++;
        return j;
    }

    /// <summary>
    /// The class's mean raw probability over the frames within <paramref name="halfWindow"/> of
    /// frame <paramref name="i"/> reaches the threshold and no other exercise's is higher.
    /// </summary>
    private bool Leads(int i, int k, double threshold, TimeSpan halfWindow)
    {
        var centre = _recent[i].Time;
        int from = i, to = i;
        while (from > 0 && _recent[from - 1].Time >= centre - halfWindow) from--;
        while (to < _recent.Count - 1 && _recent[to + 1].Time <= centre + halfWindow) to++;
        var sum = _sums;
        Array.Clear(sum);
        for (int f = from; f <= to; f++)
        {
            var p = _recent[f].Frame.Probabilities;
            for (int c = 0; c < sum.Length; c++) sum[c] += p[c];
        }
        if (sum[k] / (to - from + 1) < threshold) return false;
        for (int c = 0; c < sum.Length; c++)
            if (c != k && !ExerciseCatalog.IsIdle(_classes[c]) && sum[c] > sum[k]) return false;
        return true;
    }

    /// <summary>The newest frame, <paramref name="frame"/>, is called idle but shows a rep of <paramref name="exercise"/> in motion (<see cref="InRepMotion"/>).</summary>
    private bool IdleInRepMotionOf(SmoothedFrame frame, string? exercise) =>
        frame.IsIdle && exercise is not null && !ExerciseCatalog.IsIdle(exercise) && InRepMotion(_recent.Count - 1, exercise);

    /// <summary>
    /// Frame <paramref name="i"/> shows a rep in motion (<see cref="TemporalOptions.RepMotionMagnitude"/>)
    /// and the exercise, a rep exercise, is likelier than every other exercise in it.
    /// </summary>
    private bool InRepMotion(int i, string exercise)
    {
        double magnitude = _options.RepMotionMagnitude;
        if (magnitude <= 0 || _recent[i].Frame.RepPhase is not [var cos, var sin] || cos * cos + sin * sin < magnitude * magnitude) return false;
        return !ExerciseCatalog.IsStaticHold(exercise) && _classIndex.TryGetValue(exercise, out int k) && Leads(i, k, 0, TimeSpan.Zero);
    }

    private bool AfterPreviousSet(TimeSpan time) => _previousEnd is not { } end || time > end;

    private SegmentClosed Close(SmoothedFrame current)
    {
        string exercise = _open!;
        var closed = new SegmentClosed(_lastRawSeen, exercise);
        _previousEnd = _lastRawSeen;
        _open = null;
        _restPending = true;
        _restIfDirect = _afterRawSeen ?? current.Time;
        _otherSinceEnd = _recent.Exists(f => f.Time > _lastRawSeen && !f.IsIdle && f.Label != exercise);
        return closed;
    }
}
