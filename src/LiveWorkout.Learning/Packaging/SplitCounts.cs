namespace LiveWorkout.Learning.Packaging;

/// <summary>Images per class in one split of the training data.</summary>
public sealed record SplitCounts(string Split, IReadOnlyDictionary<string, int> PerClass)
{
    public int Total => PerClass.Values.Sum();
}
