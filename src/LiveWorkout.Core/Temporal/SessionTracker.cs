using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// The synchronous core of the temporal logic: still-hold relabeler → smoother → segmenter → rep counter → session
/// events, one frame at a time. Replay and tests call it directly; <see cref="SessionEventPipeline"/>
/// wraps it in Rx. Events carry media time; they are emitted when decided, so a SetStarted is
/// stamped earlier than the frame that decided it (its backfilled onset).
/// Per frame the order is: SetEnded, RestStarted, SetStarted, RepCounted, TimelineSample.
/// A set of a rep exercise is held back until <see cref="TemporalOptions.MinRepsPerSet"/> reps are
/// counted (then its SetStarted and reps so far come at once) and dropped, with the rest after
/// it, if it ends before; a hold, likewise, until it has lasted <see cref="TemporalOptions.MinHoldSeconds"/>:
/// every SetStarted is followed by its SetEnded.
/// </summary>
public sealed class SessionTracker
{
    private readonly IReadOnlyList<string> _classes;
    private readonly int[] _holdOf; // per class: its still counterpart's index (push-up → plank), or -1
    private readonly TemporalOptions _options;
    private readonly StillHoldRelabeler _stillHolds;
    private readonly ProbabilitySmoother _smoother;
    private readonly SetSegmenter _segmenter;
    private readonly TimeSpan _timelineEvery;
    private TimeSpan? _nextTimeline;
    private SetInProgress? _set;
    private bool _droppedLastSet;

    public SessionTracker(IReadOnlyList<string> classes, TemporalOptions options)
    {
        _classes = classes;
        _holdOf = StillHoldRelabeler.HoldIndices(classes);
        _options = options;
        _stillHolds = new StillHoldRelabeler(classes, options);
        _smoother = new ProbabilitySmoother(classes, options);
        _segmenter = new SetSegmenter(classes, options);
        _timelineEvery = TimeSpan.FromSeconds(options.TimelineIntervalSeconds);
    }

    public IReadOnlyList<SessionEvent> Push(FramePrediction frame)
    {
        var events = new List<SessionEvent>();
        var smoothed = _smoother.Push(_stillHolds.Push(frame));
        bool opened = false;
        foreach (var transition in _segmenter.Push(smoothed))
        {
            switch (transition)
            {
                case SegmentClosed closed:
                    events.AddRange(CloseSet(closed.Time));
                    break;
                case RestBegan rest:
                    if (!_droppedLastSet) events.Add(new RestStarted(rest.Time));
                    break;
                case SegmentOpened open:
                    events.AddRange(StartSet(open));
                    opened = true;
                    break;
            }
        }
        if (_set is not null && !opened) events.AddRange(_set.Add(smoothed, _segmenter.OpenSetLastFrame));

        if (_nextTimeline is null || frame.Time >= _nextTimeline)
        {
            events.Add(new TimelineSample(frame.Time, smoothed.Label, smoothed.Confidence));
            _nextTimeline = frame.Time + _timelineEvery;
        }
        return events;
    }

    /// <summary>A whole recorded stream: every frame in order, then its end; all the events.</summary>
    public List<SessionEvent> PushAll(IEnumerable<FramePrediction> frames)
    {
        var events = new List<SessionEvent>();
        foreach (var frame in frames) events.AddRange(Push(frame));
        events.AddRange(Complete());
        return events;
    }

    /// <summary>End of stream: closes an open set.</summary>
    public IReadOnlyList<SessionEvent> Complete()
    {
        var events = new List<SessionEvent>();
        foreach (var transition in _segmenter.Complete())
            if (transition is SegmentClosed closed) events.AddRange(CloseSet(closed.Time));
        return events;
    }

    private List<SessionEvent> StartSet(SegmentOpened open)
    {
        int classIndex = IndexOf(open.Exercise);
        bool hold = ExerciseCatalog.IsStaticHold(open.Exercise);
        _set = new SetInProgress(open.Exercise, open.Time, classIndex, _holdOf[classIndex],
            hold ? null : new RepCounter(open.Exercise, _options, open.Frames[0].Time), hold ? 0 : _options.MinRepsPerSet,
            TimeSpan.FromSeconds(hold ? _options.MinHoldSeconds : 0), _options);
        _droppedLastSet = false;
        _set.AddContext(open.Before);
        var events = new List<SessionEvent>();
        var confidence = open.Frames.Average(f => f.Probabilities[classIndex]);
        events.AddRange(_set.Release([new SetStarted(open.Time, open.Exercise, confidence)]));
        foreach (var f in open.Frames) events.AddRange(_set.Add(f, _segmenter.OpenSetLastFrame));
        return events;
    }

    private IEnumerable<SessionEvent> CloseSet(TimeSpan end)
    {
        var set = _set ?? throw new InvalidOperationException("segment closed with no open set");
        _set = null;
        var events = set.Finish(end);
        var hold = set.Dropped ? set.AsHold(end) : null;
        _droppedLastSet = set.Dropped && hold is null;
        return hold ?? events;
    }

    private int IndexOf(string label)
    {
        for (int i = 0; i < _classes.Count; i++)
            if (_classes[i] == label) return i;
        throw new InvalidOperationException($"label {label} is not a model class");
    }

    /// <summary>A set in progress: its rep counter and confidences, and its events until it has enough reps (a hold: lasted long enough) to report.</summary>
    /// <param name="holdIndex">The class of the exercise's still counterpart (push-up: plank), or -1.</param>
    /// <param name="minHold">How long a hold (no rep counter) must last before it is reported.</param>
    private sealed class SetInProgress(string exercise, TimeSpan onset, int classIndex, int holdIndex, RepCounter? reps, int minReps, TimeSpan minHold, TemporalOptions options)
    {
        private readonly float embeddingWeight = (float)options.RepEmbeddingWeight;
        // Per frame: the exercise's probability and its still counterpart's (0 without one).
        private readonly List<(TimeSpan Time, double Confidence, double Hold)> _confidence = [];
        private List<SessionEvent>? _held = minReps > 0 || (reps is null && minHold > TimeSpan.Zero) ? [] : null;
        private TimeSpan _latest;

        /// <summary>It ended with fewer than the reps a set needs (a hold: sooner than it needs): none of its events were released.</summary>
        public bool Dropped { get; private set; }

        /// <summary>Passes the set's events on once it has its reps; holds them until then.</summary>
        public IEnumerable<SessionEvent> Release(IEnumerable<SessionEvent> events)
        {
            if (_held is null) return events;
            _held.AddRange(events);
            if (reps is null ? _latest - onset < minHold : reps.RepTimes.Count < minReps || !reps.Repeating) return [];
            var all = _held;
            _held = null;
            return all;
        }

        public void AddContext(IEnumerable<SmoothedFrame> frames)
        {
            if (reps is null) return;
            foreach (var frame in frames) reps.AddContext(frame.Time, Features(frame), frame.Frame.RepPhase);
        }

        /// <summary>
        /// The motion signal the reps are counted in: the model's rep phase with the embedding
        /// weighted by <see cref="TemporalOptions.RepEmbeddingWeight"/>, or the embedding alone when
        /// the model gives no phase, or, without an embedding, the probabilities.
        /// </summary>
        private float[] Features(SmoothedFrame frame)
        {
            var f = frame.Frame;
            var motion = f.Embedding.Length > 0 ? f.Embedding : f.Probabilities;
            if (f.RepPhase is not { Length: > 0 } phase) return motion;
            var features = new float[(embeddingWeight > 0 ? motion.Length : 0) + 2];
            if (embeddingWeight > 0)
                for (int k = 0; k < motion.Length; k++) features[k] = embeddingWeight * motion[k];
            // cos at full weight, sin at half: the motion's main direction is then the cos, whose
            // peaks are the reps' extremes (phase 0), so reps are stamped there; in a circle of
            // equal cos and sin any direction would do, and the reps could land anywhere in the cycle.
            features[^2] = phase[0];
            features[^1] = 0.5f * phase[1];
            return features;
        }

        public IEnumerable<SessionEvent> Add(SmoothedFrame frame, TimeSpan horizon)
        {
            _confidence.Add((frame.Time, frame.Probabilities[classIndex], holdIndex >= 0 ? frame.Probabilities[holdIndex] : 0));
            if (horizon > _latest) _latest = horizon; // a hold lasts to its last frame of the exercise so far
            if (reps is null) return Release([]);
            return Release(Announce(reps.Push(frame.Time, Features(frame), horizon, frame.Frame.RepPhase), reps.RepTimes.Count));
        }

        public IEnumerable<SessionEvent> Finish(TimeSpan end)
        {
            var events = new List<SessionEvent>();
            if (reps is not null)
            {
                events.AddRange(Announce(reps.Finish(end), reps.RepTimes.Count));
                end = EndOfLastRep(end);
            }
            double mean = MeanUntil(end, c => c.Confidence);
            bool hold = reps is null;
            _latest = end;
            var set = new RecognizedSet(exercise, onset, end, hold ? 0 : reps!.RepTimes.Count,
                hold ? [] : reps!.RepTimes.ToList(), mean, hold ? end - onset : null);
            events.Add(new SetEnded(end, set));
            var released = Release(events);
            Dropped = _held is not null;
            return released;
        }

        /// <summary>
        /// A dropped set of a rep exercise with a still counterpart that lasted at least
        /// <see cref="TemporalOptions.RepLessHoldSeconds"/> without a rep, as that hold: its events,
        /// all at once; null when it is no such stretch. Its confidence is the pose's: the mean of
        /// the exercise's and the hold's probability together.
        /// </summary>
        public IReadOnlyList<SessionEvent>? AsHold(TimeSpan end)
        {
            if (holdIndex < 0 || options.RepLessHoldSeconds <= 0 || reps is null || reps.Repeating
                || end - onset < TimeSpan.FromSeconds(options.RepLessHoldSeconds)) return null;
            string hold = ExerciseCatalog.StillCounterparts[exercise];
            double confidence = MeanUntil(end, c => c.Confidence + c.Hold);
            var set = new RecognizedSet(hold, onset, end, 0, [], confidence, end - onset);
            return [new SetStarted(onset, hold, confidence), new SetEnded(end, set)];
        }

        private double MeanUntil(TimeSpan end, Func<(TimeSpan Time, double Confidence, double Hold), double> confidence)
        {
            var inSet = _confidence.Where(c => c.Time <= end).Select(confidence).ToList();
            return inSet.Count > 0 ? inSet.Average() : 0;
        }

        /// <summary>The set's end, brought forward to <see cref="TemporalOptions.SetEndAfterLastRepPeriods"/> after its last rep.</summary>
        private TimeSpan EndOfLastRep(TimeSpan end)
        {
            if (options.SetEndAfterLastRepPeriods <= 0 || reps!.LastRep is not { } last || reps.PeriodSeconds is not { } period) return end;
            var latest = last + TimeSpan.FromSeconds(options.SetEndAfterLastRepPeriods * period);
            return latest < end ? latest : end;
        }

        private IEnumerable<SessionEvent> Announce(IReadOnlyList<TimeSpan> added, int total)
        {
            for (int i = 0; i < added.Count; i++)
                yield return new RepCounted(added[i], exercise, total - added.Count + i + 1);
        }
    }
}
