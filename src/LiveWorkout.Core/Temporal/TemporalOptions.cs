using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Every parameter of the temporal logic (configuration section "Temporal"). All durations are
/// media/capture time in seconds. The defaults suit a classifier run at 10–30 fps on whole
/// exercises that last several seconds: see each property for why.
/// </summary>
public sealed class TemporalOptions : IValidatableObject
{
    public const string Section = "Temporal";

    // Smoothing: how the classifier's probabilities are smoothed over time, and when a frame counts as idle.

    /// <summary>Moving average (default): a bounded window, so a confident frame stops counting after exactly that long.</summary>
    public SmoothingKind Smoothing { get; set; } = SmoothingKind.MovingAverage;

    /// <summary>
    /// Window (moving average) or time constant (exponential). 1 s irons out single-frame
    /// misclassifications at any frame rate while lagging only about half a second, which the
    /// segmenter undoes by stamping onsets and ends from the raw frames.
    /// </summary>
    [Range(0.0, 10.0)] public double SmoothingSeconds { get; set; } = 1.0;

    /// <summary>A frame whose best smoothed probability is below this counts as idle: an unsure model is not exercising.</summary>
    [Range(0.0, 1.0)] public double ConfidenceThreshold { get; set; } = 0.3;

    // Starting and ending sets: when a stretch of one exercise becomes a set, and where it starts and ends.

    /// <summary>
    /// An exercise must win without interruption this long before a set starts (its onset is then
    /// backfilled). 1.5 s is shorter than one slow rep plus set-up, yet longer than the
    /// transitional poses (standing up from a plank, walking to the bar) that look like another exercise.
    /// </summary>
    [Range(0.1, 30)] public double SetStartSeconds { get; set; } = 1.5;

    /// <summary>
    /// A set ends after this long without its exercise winning (idle or another exercise). 2 s
    /// bridges a pause at the bottom of a rep or a brief occlusion without splitting the set,
    /// and is shorter than any real rest between sets.
    /// </summary>
    [Range(0.1, 60)] public double SetEndSeconds { get; set; } = 2.0;

    /// <summary>
    /// Onset backfill for a classifier that is unsure at the start of a set: before the frames
    /// whose top class already was the exercise, the onset is walked further back while the
    /// exercise keeps at least this probability (mean over half a second) and no other exercise
    /// has more, to the first of those frames that itself does. A shoulder press whose first reps
    /// the classifier calls 30% press and 70% idle then starts with its first rep, not 1.4 s
    /// later. Only the set's start moves: reps are still counted from where the classifier's top
    /// class was the exercise. 0 turns it off.
    /// </summary>
    [Range(0.0, 1.0)] public double OnsetBackfillProbability { get; set; } = 0.25;

    /// <summary>How far (seconds) <see cref="OnsetBackfillProbability"/> may move an onset back.</summary>
    [Range(0.0, 10.0)] public double OnsetBackfillSeconds { get; set; } = 2.0;

    /// <summary>
    /// With a model that has a rep-phase head: a frame the classifier calls idle counts as the
    /// exercise around it while the rep phase (cos, sin) is at least this long and that exercise is
    /// likelier than any other exercise. The person is then moving through a rep whose every pose
    /// the classifier does not recognise (standing up between two squats), not resting: such
    /// frames neither break the stable run that starts a set nor let an open set end, but a set's
    /// end stays the last frame whose top class is its exercise. Three in four frames inside a rep
    /// reach 0.2 (a third reach 0.5 with the landmark model); idle frames reach it too (one in
    /// five), which the rule bears since it acts only inside an exercise. 0 turns it off.
    /// </summary>
    [Range(0.0, 2.0)] public double RepMotionMagnitude { get; set; } = 0.2;

    /// <summary>
    /// A set of a rep exercise is reported (SetStarted, stamped at its onset) only once this many
    /// reps are counted, and dropped if it ends with fewer: a stretch that looks like an exercise
    /// but never repeats is a pose on the way somewhere (standing by the bar, sitting down), not a
    /// set; the motion must also repeat (a rep of the periodicity's, or three phase turns:
    /// <see cref="RepPhaseTurnMagnitude"/>). Holds (plank) are exempt. 0 reports every stable stretch as a set.
    /// </summary>
    [Range(0, 100)] public int MinRepsPerSet { get; set; } = 1;

    /// <summary>
    /// A set of a static hold (plank) is reported (SetStarted, stamped at its onset) only once it
    /// has lasted this long, and dropped if it ends sooner: a plank pose held for two seconds is a
    /// moment on the way somewhere (getting down to the floor, a stretch), not a set. 5 s, as
    /// <see cref="RepLessHoldSeconds"/>: below the synthetic world's shortest plank (8 s). 0 reports
    /// every stable stretch.
    /// </summary>
    [Range(0.0, 600.0)] public double MinHoldSeconds { get; set; } = 5;

    /// <summary>
    /// A set of a rep exercise ends at most this many rep periods after its last rep: a set ends
    /// when its last rep does (half a period after the rep's extreme), not when the classifier
    /// stops calling the exercise, which it may keep doing while the person gets up or puts the
    /// weights down. 0.75 leaves a quarter period for timing error; a missed last rep brings the
    /// end forward by at most three quarters of a period. 0 keeps the classifier's end.
    /// </summary>
    [Range(0.0, 10.0)] public double SetEndAfterLastRepPeriods { get; set; } = 0.75;

    // Holds: static holds (plank), and telling them from the rep exercise with the same pose (push-up).

    /// <summary>
    /// A set of a static hold (plank) ends after this long without its exercise instead of
    /// <see cref="SetEndSeconds"/> (the longer of the two counts; only when the set is decided to
    /// have ended changes, not where it ends). A person holding a plank does not move, so a few
    /// seconds the classifier calls something else (often push-up, the same pose) are its
    /// misreading and must not split the set. 0 keeps SetEndSeconds.
    /// </summary>
    [Range(0.0, 60.0)] public double HoldSetEndSeconds { get; set; } = 4.0;

    /// <summary>
    /// With a model that has a rep-phase head: while the rep phase's mean length over the last
    /// <see cref="StillPhaseSeconds"/> stays below this, a frame the classifier calls push-up
    /// counts as plank (<see cref="StillHoldRelabeler"/>): the pose is the same, but a push-up's
    /// phase goes round once per rep and a plank's stays near the origin. 0.12 hands most plank
    /// frames over and leaves push-up sets alone; it fits the default model's phase head, and a
    /// package with another phase head may need another value. 0 turns it off.
    /// </summary>
    [Range(0.0, 2.0)] public double StillPhaseMagnitude { get; set; } = 0.12;

    /// <summary>The window (seconds) over which <see cref="StillPhaseMagnitude"/> is averaged.</summary>
    [Range(0.1, 10)] public double StillPhaseSeconds { get; set; } = 1.0;

    /// <summary>
    /// A stretch of a rep exercise that has a still counterpart (a push-up: a plank) lasting at
    /// least this long without a repeating motion (see <see cref="MinRepsPerSet"/>) is reported, once it ends, as that hold instead of
    /// being dropped (<see cref="MinRepsPerSet"/>): the pose is the same, and the rep counter
    /// found no rhythm in it. It catches the planks the classifier takes for push-ups throughout
    /// while the phase head wobbles too much for <see cref="StillPhaseMagnitude"/>. 5 s is below
    /// the synthetic world's shortest plank (8 s) and above getting into position. The hold is
    /// reported when the stretch ends, not live. 0 turns it off.
    /// </summary>
    [Range(0.0, 600.0)] public double RepLessHoldSeconds { get; set; } = 5;

    // Rep counting: the period bounds and the tests a candidate rep must pass.

    /// <summary>Rep period bounds for exercises without their own (catalogue or <see cref="RepPeriods"/>): 0.6 s (fast jumping jacks) to 6 s (slow controlled reps).</summary>
    [Range(0.1, 60)] public double RepMinPeriodSeconds { get; set; } = 0.6;

    /// <inheritdoc cref="RepMinPeriodSeconds"/>
    [Range(0.1, 60)] public double RepMaxPeriodSeconds { get; set; } = 6.0;

    /// <summary>
    /// Per-exercise rep period bounds (class name → bounds), overriding the exercise's catalogue
    /// bounds (<see cref="ExerciseInfo.RepPeriod"/>: lunge 1.2–3.3 s, running 0.45–1.2 s) or, for
    /// an exercise without them, the general bounds above. Empty by default; configuration merges
    /// its entries in, and a bound an entry leaves out keeps the value it overrides.
    /// </summary>
    public Dictionary<string, RepPeriodBounds> RepPeriods { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Trailing stretch of a set that the online rep counter analyses (at least three maximum
    /// periods are always used). 20 s holds several reps for a stable period estimate while
    /// keeping each update cheap.
    /// </summary>
    [Range(2.0, 600.0)] public double RepWindowSeconds { get; set; } = 20;

    /// <summary>
    /// Frames this long before a set's onset and after its end that the rep counter analyses but
    /// never counts in: the first and last reps lie less than half a period from the set's ends,
    /// and without the frames around them they cannot be compared with the period next to them.
    /// </summary>
    [Range(0.0, 5.0)] public double RepContextSeconds { get; set; } = 1.0;

    /// <summary>How often (media time) the rep counter re-analyses the open set: reps appear at most this late plus half a period.</summary>
    [Range(0.05, 10)] public double RepUpdateSeconds { get; set; } = 0.5;

    /// <summary>
    /// A candidate rep counts only if the motion around it repeats one period earlier or later
    /// with at least this correlation: set-up, fidgeting and walking are not periodic.
    /// </summary>
    [Range(0.0, 1.0)] public double RepMinCorrelation { get; set; } = 0.5;

    /// <summary>
    /// A candidate rep's swing must reach this share of the set's typical swing: noise wiggles are
    /// not reps. 0.3 suits the person-region CNN, whose embedding swings little with some reps
    /// (shoulder presses, sit-ups).
    /// </summary>
    [Range(0.0, 1.0)] public double RepMinProminence { get; set; } = 0.3;

    /// <summary>
    /// With a model that estimates the rep phase (a phase head), the rep counter follows the
    /// phase's (cos, sin) together with the embedding scaled by this weight; 0 follows the phase
    /// alone. The phase is what moves once per rep; the embedding still helps where the phase
    /// head is unsure, chiefly running, whose left and right strides look alike.
    /// </summary>
    [Range(0.0, 10.0)] public double RepEmbeddingWeight { get; set; } = 0.3;

    /// <summary>
    /// A gap between two counted reps of up to this many rep periods is filled with the reps that
    /// must have happened in it: from 1.5 periods (nearer two periods than one) a gap holds one
    /// rep, placed halfway; 2.5 fills at most one missed rep, longer gaps (a real pause inside a
    /// set) are left alone. The counter skips a rep whose swing or repetition it doubts (running,
    /// whose left and right strides look alike, loses one every few strides) although the rhythm
    /// on both sides shows it was there. 0 turns it off.
    /// </summary>
    [Range(0.0, 10.0)] public double RepGapFillPeriods { get; set; } = 2.5;

    /// <summary>
    /// With a rep phase, each turn of the phase is a rep as well: the phase passes the rep's
    /// extreme (within 60 degrees of phase 0) after the opposite side (within 60 degrees of 180),
    /// in frames whose phase is at least this long. The reps counted are the turns or the
    /// periodicity's, whichever are more: reps of uneven length (pauses at the bottom, a slow rep
    /// among quick ones) have no one period to find. 0 turns it off.
    /// </summary>
    [Range(0.0, 2.0)] public double RepPhaseTurnMagnitude { get; set; } = 0.3;

    // Timeline and source: the session log's timeline samples and the lost-source timer.

    /// <summary>Spacing of <see cref="Recognition.TimelineSample"/> events: the session log's 1 Hz timeline.</summary>
    [Range(0.05, 60)] public double TimelineIntervalSeconds { get; set; } = 1.0;

    /// <summary>
    /// Timers: when no frame arrives for this long (scheduler time) the pipeline reports
    /// SourceLost, and SourceRecovered with the next frame. 0 (default) leaves that to the frame
    /// source, whose events are merged in.
    /// </summary>
    [Range(0.0, 600.0)] public double SourceLostAfterSeconds { get; set; }

    /// <summary>
    /// Period bounds for an exercise: each bound from its <see cref="RepPeriods"/> entry, else from
    /// the catalogue (<see cref="ExerciseCatalog.RepPeriod"/>), else the general bounds.
    /// </summary>
    public (double Min, double Max) PeriodBoundsFor(string exercise)
    {
        var (min, max) = ExerciseCatalog.RepPeriod(exercise) ?? (RepMinPeriodSeconds, RepMaxPeriodSeconds);
        return RepPeriods.TryGetValue(exercise, out var b) ? (b.MinSeconds ?? min, b.MaxSeconds ?? max) : (min, max);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RepMinPeriodSeconds >= RepMaxPeriodSeconds)
            yield return new ValidationResult($"{Section}:RepMinPeriodSeconds must be below RepMaxPeriodSeconds", [nameof(RepMinPeriodSeconds)]);
        foreach (string name in RepPeriods.Keys)
        {
            var (min, max) = PeriodBoundsFor(name);
            if (min >= max || min < 0.1)
                yield return new ValidationResult($"{Section}:RepPeriods:{name}: MinSeconds must be at least 0.1 and below MaxSeconds", [nameof(RepPeriods)]);
        }
    }
}
