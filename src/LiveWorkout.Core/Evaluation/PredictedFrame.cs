using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Evaluation;

/// <summary>A frame's predicted label at its media time.</summary>
public sealed record PredictedFrame(TimeSpan Time, string Label)
{
    /// <summary>
    /// Frame labels implied by recognised sets: a frame inside a set (start to end, both
    /// inclusive, since a set ends at its last frame) has the set's exercise, any other is idle.
    /// </summary>
    public static IReadOnlyList<PredictedFrame> FromSets(IEnumerable<TimeSpan> frameTimes, IReadOnlyList<RecognizedSet> sets) =>
        frameTimes.Select(t => new PredictedFrame(t, sets.FirstOrDefault(s => t >= s.Start && t <= s.End)?.Exercise ?? ExerciseCatalog.Idle)).ToList();
}
