using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;

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
