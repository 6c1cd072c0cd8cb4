namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// Clip-level recognition of clips labelled as a whole (one exercise from start to end, as in a
/// folder per class): a clip is recognised when at least half of its frames carry its exercise in
/// the pipeline's output (sets), and recognised raw when at least half do in the classifier's
/// top-1 before any temporal logic. Pooled scores sum the clips; <see cref="Exercise"/> is set for one clip.
/// <see cref="RawTakenFor"/> counts the clips not recognised raw by the class the classifier gave
/// most of their frames: what the model takes an exercise for.
/// </summary>
public sealed record WholeClipMetrics(int Clips, int Recognised, int RawRecognised, string? Exercise = null)
{
    /// <summary>Share of a clip's frames that must carry its exercise.</summary>
    public const double Threshold = 0.5;

    public double Share => Clips == 0 ? 0 : (double)Recognised / Clips;

    public double RawShare => Clips == 0 ? 0 : (double)RawRecognised / Clips;

    public static IReadOnlyDictionary<string, int> NoClasses { get; } = new Dictionary<string, int>();

    /// <summary>Clips not recognised raw, by the class the classifier gave most of their frames (most clips first).</summary>
    public IReadOnlyDictionary<string, int> RawTakenFor { get; init; } = NoClasses;

    public static WholeClipMetrics? Pool(IEnumerable<WholeClipMetrics?> parts)
    {
        var present = parts.OfType<WholeClipMetrics>().ToList();
        return present.Count == 0 ? null : Sum(present, null);
    }

    /// <summary>The metrics of each exercise over <paramref name="clips"/>, by name.</summary>
    public static IReadOnlyList<WholeClipMetrics> PerExercise(IEnumerable<WholeClipMetrics?> clips) =>
        clips.OfType<WholeClipMetrics>().Where(c => c.Exercise is not null).GroupBy(c => c.Exercise!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(g.ToList(), g.Key)).ToList();

    /// <summary><see cref="RawTakenFor"/> as "class clips, ..." for its <paramref name="top"/> classes; "-" when empty.</summary>
    public string TakenForText(int top = 3) =>
        RawTakenFor.Count == 0 ? "-" : string.Join(", ", RawTakenFor.Take(top).Select(kv => $"{kv.Key} {kv.Value}"));

    private static WholeClipMetrics Sum(IReadOnlyList<WholeClipMetrics> parts, string? exercise)
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (cls, count) in part.RawTakenFor) taken[cls] = taken.GetValueOrDefault(cls) + count;
        return new WholeClipMetrics(parts.Sum(p => p.Clips), parts.Sum(p => p.Recognised), parts.Sum(p => p.RawRecognised), exercise)
        {
            RawTakenFor = taken.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        };
    }
}
