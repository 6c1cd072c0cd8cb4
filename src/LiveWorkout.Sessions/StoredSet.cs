namespace LiveWorkout.Sessions;

/// <summary>
/// A set as the user should see it: <see cref="Exercise"/> and <see cref="Reps"/> apply the latest
/// correction; <see cref="RecognizedExercise"/> and <see cref="RecognizedReps"/> are what the
/// recogniser said (kept: corrections are training labels). <see cref="WeightKg"/>,
/// <see cref="Rpe"/> and <see cref="Notes"/> are what the person entered (null or empty: nothing).
/// </summary>
public sealed record StoredSet(
    long Id, int Order, string Exercise, int Reps,
    TimeSpan Start, TimeSpan End, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    IReadOnlyList<TimeSpan> RepTimes, double MeanConfidence, TimeSpan? HoldDuration, SetStatus Status,
    string RecognizedExercise, int RecognizedReps, bool Corrected,
    double? WeightKg = null, double? Rpe = null, string Notes = "")
{
    public TimeSpan Duration => End - Start;
}
