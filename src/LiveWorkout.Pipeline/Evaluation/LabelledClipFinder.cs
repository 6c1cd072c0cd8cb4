using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Evaluation;

namespace LiveWorkout.Pipeline.Evaluation;

/// <summary>
/// A clip to evaluate and where its truth comes from: its <c>&lt;clip&gt;.labels.csv</c>, or
/// (whole-clip labels) the class named by its folder, one set spanning the whole clip.
/// </summary>
public sealed record LabelledClip(string VideoPath, string Name, string? LabelsPath, string? WholeClipClass)
{
    /// <summary>Reads the labels file (named in any error); null for whole-clip labels, known only once the clip's length is.</summary>
    public ClipAnnotation? LoadLabels()
    {
        if (LabelsPath is null) return null;
        try
        {
            return ClipAnnotation.Load(LabelsPath);
        }
        catch (InvalidInputException e) when (!e.Message.Contains(LabelsPath, StringComparison.Ordinal))
        {
            throw new InvalidInputException($"{LabelsPath}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whole-clip truth: one set of the folder's class from the first frame to the end, reps
    /// unknown (0, so rep metrics leave it out). A clip of idle has no set at all.
    /// </summary>
    public ClipAnnotation WholeClip(TimeSpan duration) =>
        WholeClipClass is null || ExerciseCatalog.IsIdle(WholeClipClass) || duration <= TimeSpan.Zero
            ? new ClipAnnotation([])
            : new ClipAnnotation([new AnnotatedSet(TimeSpan.Zero, duration, WholeClipClass, 0, [])]);
}

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

/// <summary>Finds the labelled clips of `replay --evaluate`: one clip, or every video under a folder.</summary>
public static class LabelledClipFinder
{
    public static readonly IReadOnlySet<string> VideoExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".mp4", ".avi", ".mov", ".mkv", ".webm", ".m4v", ".mpg", ".mpeg" };

    /// <param name="modelClasses">Whole-clip labels: clips of other classes are skipped and counted.</param>
    public static ClipSearch Find(string input, bool wholeClipLabels, IReadOnlyList<string> modelClasses)
    {
        if (File.Exists(input))
        {
            var clip = Describe(input, Path.GetFileName(input), wholeClipLabels);
            if (clip.LabelsPath is null && !wholeClipLabels)
                throw new InvalidInputException($"no labels file {ClipAnnotation.PathFor(input)} for {input}: write one (header '{ClipAnnotation.Header}') or pass --whole-clip-labels");
            if (clip.WholeClipClass is { } only && !modelClasses.Contains(only, StringComparer.Ordinal))
                throw new InvalidInputException($"{input}: its folder names class '{only}', which the model does not know ({string.Join(", ", modelClasses)})");
            return new ClipSearch([clip], [], []);
        }
        if (!Directory.Exists(input))
            throw new InvalidInputException($"{input} is neither a video file nor a folder of labelled clips");

        var clips = new List<LabelledClip>();
        var withoutLabels = new List<ClipIssue>();
        var unknown = new List<(LabelledClip, string)>();
        string root = Path.GetFullPath(input);
        foreach (string video in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => VideoExtensions.Contains(Path.GetExtension(f)))
                     .Order(StringComparer.Ordinal))
        {
            var clip = Describe(video, Path.GetRelativePath(root, video), wholeClipLabels);
            if (clip.LabelsPath is null && !wholeClipLabels)
                withoutLabels.Add(new ClipIssue(clip.Name, $"no labels file ({Path.GetFileName(ClipAnnotation.PathFor(video))})"));
            else if (clip.WholeClipClass is { } name && !modelClasses.Contains(name, StringComparer.Ordinal))
                unknown.Add((clip, name));
            else clips.Add(clip);
        }
        return new ClipSearch(clips, withoutLabels, unknown);
    }

    /// <summary>A labels file beside the clip wins; otherwise, with whole-clip labels, the clip's folder names its class.</summary>
    private static LabelledClip Describe(string video, string name, bool wholeClipLabels)
    {
        string labels = ClipAnnotation.PathFor(video);
        if (File.Exists(labels)) return new LabelledClip(video, name, labels, null);
        string? folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(video)));
        return new LabelledClip(video, name, null, wholeClipLabels ? folder : null);
    }
}
