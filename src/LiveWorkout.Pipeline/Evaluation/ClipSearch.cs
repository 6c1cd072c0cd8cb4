using LiveWorkout.Core.Evaluation;

namespace LiveWorkout.Pipeline.Evaluation;

/// <summary>The clips found under an input, and those left out before running.</summary>
/// <param name="WithoutLabels">Videos with no labels file beside them.</param>
/// <param name="OfUnknownClass">Whole-clip labels: videos whose folder names a class the model does not know.</param>
public sealed record ClipSearch(IReadOnlyList<LabelledClip> Clips, IReadOnlyList<ClipIssue> WithoutLabels, IReadOnlyList<(LabelledClip Clip, string Class)> OfUnknownClass)
{
    public IReadOnlyList<ClipIssue> Skipped =>
        [.. WithoutLabels, .. OfUnknownClass.Select(u => new ClipIssue(u.Clip.Name, $"class '{u.Class}' is not one of the model's"))];

    /// <summary>Unknown classes with their clip counts, by name.</summary>
    public IReadOnlyDictionary<string, int> UnknownClasses =>
        new SortedDictionary<string, int>(OfUnknownClass.GroupBy(u => u.Class).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
