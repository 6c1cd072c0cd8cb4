using LiveWorkout.Core;

namespace LiveWorkout.Learning.Data;

/// <summary>Balances the training samples: cap per class, oversample small classes, or weights for the loss.</summary>
public static class ClassBalancer
{
    public static BalanceMode Parse(string text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "none" => BalanceMode.None,
        "cap" => BalanceMode.Cap,
        "oversample" => BalanceMode.Oversample,
        "weighted" => BalanceMode.Weighted,
        _ => throw new InvalidInputException($"unknown --balance '{text}': use none, cap, oversample or weighted"),
    };

    /// <summary>The training samples after capping or oversampling (a seeded draw); unchanged for none and weighted.</summary>
    public static IReadOnlyList<DatasetSample> Apply(IReadOnlyList<DatasetSample> train, BalanceMode mode, int cap, int seed)
    {
        var random = new Random(seed);
        var byClass = train.GroupBy(s => s.Label).OrderBy(g => g.Key).ToList();
        switch (mode)
        {
            case BalanceMode.Cap:
                if (cap <= 0) throw new InvalidInputException("--balance cap needs --cap N with N > 0 (images per class)");
                return byClass.SelectMany(g =>
                {
                    var items = g.ToArray();
                    random.Shuffle(items);
                    return items.Take(cap);
                }).ToArray();
            case BalanceMode.Oversample:
                int target = byClass.Max(g => g.Count());
                return byClass.SelectMany(g =>
                {
                    var items = g.ToList();
                    var result = new List<DatasetSample>(items);
                    while (result.Count < target) result.Add(items[random.Next(items.Count)]);
                    return result;
                }).ToArray();
            default:
                return train;
        }
    }

    /// <summary>Loss weights total/(classes x count) per class, or null unless weighted; classes absent from train get 0.</summary>
    public static float[]? LossWeights(IReadOnlyList<DatasetSample> train, int classes, BalanceMode mode)
    {
        if (mode != BalanceMode.Weighted) return null;
        var counts = new int[classes];
        foreach (var s in train) counts[s.Label]++;
        return counts.Select(c => c == 0 ? 0f : (float)train.Count / (classes * c)).ToArray();
    }
}
