namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// How often two exercises that landmarks may hardly tell apart (<see cref="ExerciseCatalog.ConfusablePairs"/>)
/// were taken for each other: each one's labelled frames, and how many of them carried the other.
/// </summary>
public sealed record ConfusablePairScore(string First, string Second, long FirstFrames, long FirstAsSecond, long SecondFrames, long SecondAsFirst)
{
    /// <summary>Share of <see cref="First"/>'s frames that carried <see cref="Second"/>; null without any.</summary>
    public double? FirstAsSecondShare => FirstFrames == 0 ? null : (double)FirstAsSecond / FirstFrames;

    /// <summary>Share of <see cref="Second"/>'s frames that carried <see cref="First"/>; null without any.</summary>
    public double? SecondAsFirstShare => SecondFrames == 0 ? null : (double)SecondAsFirst / SecondFrames;

    /// <summary>The catalogue's pairs of which at least one exercise has labelled frames in <paramref name="confusion"/>.</summary>
    public static IReadOnlyList<ConfusablePairScore> From(ConfusionMatrix confusion)
    {
        var support = confusion.PerClass.ToDictionary(c => c.Class, c => c.Support, StringComparer.Ordinal);
        long Support(string label) => support.GetValueOrDefault(label);
        return ExerciseCatalog.ConfusablePairs
            .Select(p => new ConfusablePairScore(p.First, p.Second, Support(p.First), confusion.Count(p.First, p.Second), Support(p.Second), confusion.Count(p.Second, p.First)))
            .Where(p => p.FirstFrames > 0 || p.SecondFrames > 0)
            .ToList();
    }
}
