using System.Text.Json.Serialization;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// How well predictions fit labels, for one clip or pooled over many (frames pooled, sets
/// micro-aggregated: counts and matched sets summed before dividing).
/// </summary>
public sealed class RecognitionScore
{
    private readonly ConfusionMatrix _confusion;

    private RecognitionScore(string name, int clips, ConfusionMatrix confusion, IReadOnlyList<SetMatch> matches,
        IReadOnlyList<AnnotatedSet> missed, IReadOnlyList<RecognizedSet> spurious, ClassifierMetrics? classifier, ThroughputMetrics? throughput,
        WholeClipMetrics? wholeClips = null)
    {
        Classifier = classifier;
        WholeClips = wholeClips;
        Throughput = throughput;
        Name = name;
        Clips = clips;
        _confusion = confusion;
        Matches = matches;
        Missed = missed;
        Spurious = spurious;
        Frames = new FrameMetrics(confusion.Total, confusion.Accuracy, confusion.MacroF1, confusion.PerClass, confusion.Classes.ToList(), confusion.Counts);
        var pairs = ConfusablePairScore.From(confusion);
        ConfusablePairs = pairs.Count == 0 ? null : pairs;
        Sets = SetScores(matches.Count, spurious.Count, missed.Count);
        Timing = TimingScores(matches);
        Reps = RepScores(matches, missed);
        int labelled = matches.Count + missed.Count, right = matches.Count(SetsRightMetrics.IsRight);
        SetsRight = new SetsRightMetrics(labelled, right, labelled == 0 ? null : right / (double)labelled);
    }

    public string Name { get; }

    public int Clips { get; }

    public FrameMetrics Frames { get; }

    public SetMetrics Sets { get; }

    /// <summary>The catalogue's confusable pairs present in the labels, with how often each was taken for the other (frames); null when none is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConfusablePairScore>? ConfusablePairs { get; }

    public TimingMetrics Timing { get; }

    public RepMetrics Reps { get; }

    /// <summary>Labelled sets found with the right exercise, start and end within 1 s and reps within ±1.</summary>
    public SetsRightMetrics SetsRight { get; }

    /// <summary>Each set of one clip with its verdict; null for pooled scores.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SetVerdict>? SetDetails { get; private init; }

    /// <summary>Raw classifier top-1 frame accuracy; null when the per-frame probabilities were not scored.</summary>
    public ClassifierMetrics? Classifier { get; }

    /// <summary>Clip-level recognition of clips labelled as a whole; null when no clip is.</summary>
    public WholeClipMetrics? WholeClips { get; }

    /// <summary>Frames/s and real-time factor of the run; null when not measured.</summary>
    public ThroughputMetrics? Throughput { get; }

    [JsonIgnore] public IReadOnlyList<SetMatch> Matches { get; }

    [JsonIgnore] public IReadOnlyList<AnnotatedSet> Missed { get; }

    [JsonIgnore] public IReadOnlyList<RecognizedSet> Spurious { get; }

    /// <summary>Scores one clip: frame labels against the annotation, predicted sets against labelled sets.</summary>
    /// <param name="frames">Each frame's predicted label (idle included); its true label is the annotation's at that time.</param>
    /// <param name="classes">Class order for the confusion matrix (usually the model's); other labels are appended.</param>
    /// <param name="classifier">Optional raw classifier top-1 tally of the same frames.</param>
    /// <param name="throughput">Optional speed of the run that produced the predictions.</param>
    public static RecognitionScore ForClip(string name, IEnumerable<PredictedFrame> frames, IReadOnlyList<RecognizedSet> sets,
        ClipAnnotation truth, IEnumerable<string> classes, ClassifierMetrics? classifier = null, ThroughputMetrics? throughput = null)
    {
        var confusion = new ConfusionMatrix(classes);
        long frameCount = 0, onExercise = 0;
        string? whole = WholeClipExercise(truth);
        foreach (var f in frames)
        {
            confusion.Add(truth.LabelAt(f.Time), f.Label);
            frameCount++;
            if (string.Equals(f.Label, whole, StringComparison.Ordinal)) onExercise++;
        }
        var matching = SetMatching.Match(sets, truth.Sets);
        bool rawRecognised = classifier is { } raw && raw.Accuracy >= WholeClipMetrics.Threshold;
        var wholeClips = whole is null || frameCount == 0 ? null
            : new WholeClipMetrics(1, onExercise >= WholeClipMetrics.Threshold * frameCount ? 1 : 0, rawRecognised ? 1 : 0, whole)
            {
                RawTakenFor = !rawRecognised && classifier?.MostCommon is { } taken ? new Dictionary<string, int> { [taken] = 1 } : WholeClipMetrics.NoClasses,
            };
        return new RecognitionScore(name, 1, confusion, matching.Matches, matching.Missed, matching.Spurious, classifier, throughput, wholeClips)
        {
            SetDetails = SetVerdict.For(matching.Matches, matching.Missed, matching.Spurious),
        };
    }

    /// <summary>Pools clips: frames summed into one confusion matrix, sets micro-aggregated.</summary>
    public static RecognitionScore Pool(string name, IReadOnlyList<RecognitionScore> clips)
    {
        var confusion = new ConfusionMatrix(clips.Count > 0 ? clips[0]._confusion.Classes : ExerciseCatalog.All);
        foreach (var c in clips) confusion.Add(c._confusion);
        return new RecognitionScore(name, clips.Sum(c => c.Clips), confusion,
            clips.SelectMany(c => c.Matches).ToList(), clips.SelectMany(c => c.Missed).ToList(), clips.SelectMany(c => c.Spurious).ToList(),
            ClassifierMetrics.Pool(clips.Select(c => c.Classifier)), ThroughputMetrics.Pool(clips.Select(c => c.Throughput)), WholeClipMetrics.Pool(clips.Select(c => c.WholeClips)));
    }

    /// <summary>The exercise of a clip labelled as a whole (one set from its first moment), or null.</summary>
    private static string? WholeClipExercise(ClipAnnotation truth) =>
        truth.Sets.Count == 1 && truth.Sets[0].Start <= TimeSpan.FromSeconds(0.05) ? truth.Sets[0].Exercise : null;

    private static SetMetrics SetScores(int tp, int fp, int fn)
    {
        int predicted = tp + fp, labelled = tp + fn;
        double precision = predicted == 0 ? (labelled == 0 ? 1 : 0) : (double)tp / predicted;
        double recall = labelled == 0 ? (predicted == 0 ? 1 : 0) : (double)tp / labelled;
        return new SetMetrics(tp, fp, fn, precision, recall, Metric.F1(precision, recall));
    }

    private static TimingMetrics TimingScores(IReadOnlyList<SetMatch> matches) => new(
        matches.Count,
        Metric.Median(matches.Select(m => m.OnsetDelaySeconds)),
        Metric.Percentile(matches.Select(m => Math.Abs(m.OnsetDelaySeconds)), 90),
        Metric.Median(matches.Select(m => m.OffsetDelaySeconds)),
        Metric.Percentile(matches.Select(m => Math.Abs(m.OffsetDelaySeconds)), 90));

    private static RepMetrics RepScores(IReadOnlyList<SetMatch> matches, IReadOnlyList<AnnotatedSet> missed)
    {
        var matched = matches.Where(m => m.Truth.Reps > 0).ToList();
        int missedCount = missed.Count(s => s.Reps > 0);
        int total = matched.Count + missedCount;
        if (total == 0) return new RepMetrics(0, 0, null, null, null, null);
        var matchedErrors = matched.Select(m => Math.Abs(m.RepError) / (double)m.Truth.Reps).ToList();
        double? maeMatched = matched.Count == 0 ? null : matchedErrors.Average();
        double mae = (matchedErrors.Sum() + missedCount * 1.0) / total;
        double obo = matched.Count(m => Math.Abs(m.RepError) <= 1) / (double)total;
        double? signed = matched.Count == 0 ? null : matched.Average(m => (double)m.RepError);
        return new RepMetrics(total, matched.Count, mae, maeMatched, obo, signed);
    }
}
