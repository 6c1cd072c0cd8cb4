namespace LiveWorkout.Learning.Data;

/// <summary>
/// Assigns samples to train/val/test: stratified by class, seeded, and grouped, so every
/// sample of a group (one clip's frames, one exercise's photo pair) lands in the same split and
/// near-duplicates never sit on both sides of the test.
/// </summary>
public static class DatasetSplitter
{
    public static IReadOnlyList<DatasetSample> Split(IReadOnlyList<DatasetSample> samples, SplitRatios ratios, int seed)
    {
        // A group follows its most common class, so stratification works on whole groups.
        var groups = samples.GroupBy(s => s.Group, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Count: g.Count(), Class: g.GroupBy(s => s.Class).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key))
            .ToList();
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        var random = new Random(seed);
        foreach (var perClass in groups.GroupBy(g => g.Class).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var ordered = perClass.OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
            random.Shuffle(ordered);
            var filled = SplitNames.All.ToDictionary(s => s, _ => 0);
            int total = 0;
            for (int i = 0; i < ordered.Length; i++)
            {
                var group = ordered[i];
                total += group.Count;
                string split = i switch
                {
                    // With at least three groups each split with a share gets one before the biggest deficit rules.
                    0 when ordered.Length >= 3 && ratios.Test > 0 => SplitNames.Test,
                    1 when ordered.Length >= 3 => SplitNames.Validation,
                    _ => SplitNames.All.OrderByDescending(s => ratios.For(s) * total - filled[s]).ThenBy(s => s == SplitNames.Train ? 0 : 1).First(),
                };
                filled[split] += group.Count;
                assignment[group.Key] = split;
            }
        }
        return samples.Select(s => s with { Split = assignment[s.Group] }).ToArray();
    }
}
