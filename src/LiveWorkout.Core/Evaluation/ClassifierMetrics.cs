namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// The classifier alone, before any smoothing or segmentation: the share of frames whose top-1
/// class equals the labelled class. A secondary figure: it shows how much the temporal logic
/// adds to (or takes from) the raw per-frame predictions. For one clip, <see cref="MostCommon"/>
/// is the class the classifier gave most of its frames (what a whole clip was taken for).
/// </summary>
public sealed record ClassifierMetrics(long Frames, long Correct, string? MostCommon = null)
{
    public double Accuracy => Frames == 0 ? 0 : (double)Correct / Frames;

    public static ClassifierMetrics? Pool(IEnumerable<ClassifierMetrics?> parts)
    {
        var present = parts.OfType<ClassifierMetrics>().ToList();
        return present.Count == 0 ? null : new ClassifierMetrics(present.Sum(p => p.Frames), present.Sum(p => p.Correct));
    }
}
