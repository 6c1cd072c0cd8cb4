using System.Globalization;
using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// One set of a clip as scored: a labelled set with its matched prediction (if any), or a
/// predicted set matched to nothing. Lets a reader see which sets went wrong and how.
/// </summary>
public sealed record SetVerdict(string Exercise, double? TrueStart, double? TrueEnd, int? TrueReps,
    double? PredictedStart, double? PredictedEnd, int? PredictedReps, string Verdict)
{
    internal static IReadOnlyList<SetVerdict> For(IReadOnlyList<SetMatch> matches, IReadOnlyList<AnnotatedSet> missed, IReadOnlyList<RecognizedSet> spurious)
    {
        static double R(TimeSpan t) => Math.Round(t.TotalSeconds, 2);
        var rows = matches.Select(m => new SetVerdict(m.Truth.Exercise, R(m.Truth.Start), R(m.Truth.End), m.Truth.Reps,
                R(m.Predicted.Start), R(m.Predicted.End), m.Predicted.Reps, Describe(m)))
            .Concat(missed.Select(t => new SetVerdict(t.Exercise, R(t.Start), R(t.End), t.Reps, null, null, null, "missed")))
            .Concat(spurious.Select(p => new SetVerdict(p.Exercise, null, null, null, R(p.Start), R(p.End), p.Reps, "spurious")));
        return rows.OrderBy(v => v.TrueStart ?? v.PredictedStart).ToList();
    }

    private static string Describe(SetMatch m)
    {
        if (SetsRightMetrics.IsRight(m)) return "right";
        var faults = new List<string>();
        if (Math.Abs(m.OnsetDelaySeconds) > SetsRightMetrics.ToleranceSeconds) faults.Add(string.Create(CultureInfo.InvariantCulture, $"start {m.OnsetDelaySeconds:+0.0;-0.0} s"));
        if (Math.Abs(m.OffsetDelaySeconds) > SetsRightMetrics.ToleranceSeconds) faults.Add(string.Create(CultureInfo.InvariantCulture, $"end {m.OffsetDelaySeconds:+0.0;-0.0} s"));
        if (m.Truth.Reps > 0 && Math.Abs(m.RepError) > 1) faults.Add(string.Create(CultureInfo.InvariantCulture, $"reps {m.RepError:+0;-0}"));
        return string.Join(", ", faults);
    }
}
