namespace LiveWorkout.Core.Recognition;

/// <summary>A set as recognised: the unit a session log stores and evaluation scores.</summary>
/// <param name="Exercise">Class name (never idle).</param>
/// <param name="Start">Onset of the set (backfilled to when the exercise really began).</param>
/// <param name="End">When the set ended.</param>
/// <param name="Reps">Repetitions counted; 0 for static holds.</param>
/// <param name="RepTimes">Time of each counted rep.</param>
/// <param name="MeanConfidence">Mean smoothed probability of the exercise over the set.</param>
/// <param name="HoldDuration">For static holds (plank): how long the hold lasted; otherwise null.</param>
public sealed record RecognizedSet(
    string Exercise,
    TimeSpan Start,
    TimeSpan End,
    int Reps,
    IReadOnlyList<TimeSpan> RepTimes,
    double MeanConfidence,
    TimeSpan? HoldDuration)
{
    public TimeSpan Duration => End - Start;
}
