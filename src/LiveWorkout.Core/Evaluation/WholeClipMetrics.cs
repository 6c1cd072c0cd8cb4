namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// Clip-level recognition of clips labelled as a whole (one exercise from start to end, as in a
/// folder per class): a clip is recognised when at least half of its frames carry its exercise in
/// the pipeline's output (sets), and recognised raw when at least half do in the classifier's
/// top-1 before any temporal logic. Pooled scores sum the clips; <see cref="Exercise"/> is set for one clip.
/// </summary>
public sealed record WholeClipMetrics(int Clips, int Recognised, int RawRecognised, string? Exercise = null)
{
    /// <summary>Share of a clip's frames that must carry its exercise.</summary>
    public const double Threshold = 0.5;

    public double Share => Clips == 0 ? 0 : (double)Recognised / Clips;

    public double RawShare => Clips == 0 ? 0 : (double)RawRecognised / Clips;

    public static WholeClipMetrics? Pool(IEnumerable<WholeClipMetrics?> parts)
    {
        var present = parts.OfType<WholeClipMetrics>().ToList();
        return present.Count == 0 ? null : new WholeClipMetrics(present.Sum(p => p.Clips), present.Sum(p => p.Recognised), present.Sum(p => p.RawRecognised));
    }

    /// <summary>The metrics of each exercise over <paramref name="clips"/>, by name.</summary>
    public static IReadOnlyList<WholeClipMetrics> PerExercise(IEnumerable<WholeClipMetrics?> clips) =>
        clips.OfType<WholeClipMetrics>().Where(c => c.Exercise is not null).GroupBy(c => c.Exercise!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WholeClipMetrics(g.Sum(c => c.Clips), g.Sum(c => c.Recognised), g.Sum(c => c.RawRecognised), g.Key)).ToList();
}
