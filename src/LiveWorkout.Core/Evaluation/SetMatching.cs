using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Evaluation;

/// <summary>The one-to-one matching of a clip's predicted sets to its labelled sets.</summary>
public sealed record SetMatching(IReadOnlyList<SetMatch> Matches, IReadOnlyList<AnnotatedSet> Missed, IReadOnlyList<RecognizedSet> Spurious)
{
    /// <summary>Minimum temporal IoU for a match.</summary>
    public const double MinIou = 0.5;

    /// <summary>
    /// Greedy matching by IoU, highest first (ties: earlier labelled set, then earlier
    /// prediction), pairing only sets of the same exercise with IoU ≥ <paramref name="minIou"/>.
    /// With IoU ≥ 0.5 and non-overlapping sets on each side a set can reach the threshold with
    /// at most one set of the other side (except in exact-half ties), so greedy gives the same
    /// result as the Hungarian algorithm.
    /// </summary>
    public static SetMatching Match(IReadOnlyList<RecognizedSet> predicted, IReadOnlyList<AnnotatedSet> truth, double minIou = MinIou)
    {
        var pairs = new List<(int T, int P, double Iou)>();
        for (int t = 0; t < truth.Count; t++)
            for (int p = 0; p < predicted.Count; p++)
            {
                if (!string.Equals(truth[t].Exercise, predicted[p].Exercise, StringComparison.Ordinal)) continue;
                double iou = Iou(truth[t].Start, truth[t].End, predicted[p].Start, predicted[p].End);
                if (iou >= minIou) pairs.Add((t, p, iou));
            }
        var usedT = new bool[truth.Count];
        var usedP = new bool[predicted.Count];
        var matches = new List<SetMatch>();
        foreach (var (t, p, iou) in pairs.OrderByDescending(x => x.Iou).ThenBy(x => x.T).ThenBy(x => x.P))
        {
            if (usedT[t] || usedP[p]) continue;
            usedT[t] = usedP[p] = true;
            matches.Add(new SetMatch(truth[t], predicted[p], iou));
        }
        matches.Sort((a, b) => a.Truth.Start.CompareTo(b.Truth.Start));
        return new SetMatching(matches,
            truth.Where((_, i) => !usedT[i]).ToList(),
            predicted.Where((_, i) => !usedP[i]).ToList());
    }

    /// <summary>Temporal intersection over union of two intervals; 0 when both are empty.</summary>
    public static double Iou(TimeSpan aStart, TimeSpan aEnd, TimeSpan bStart, TimeSpan bEnd)
    {
        double intersection = Math.Max(0, (Min(aEnd, bEnd) - Max(aStart, bStart)).TotalSeconds);
        double union = (aEnd - aStart).TotalSeconds + (bEnd - bStart).TotalSeconds - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
