using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Evaluation;

namespace LiveWorkout.Pipeline.Evaluation;

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
