namespace LiveWorkout.Sessions;

/// <summary>
/// One exercise's personal bests: most reps in a set and heaviest weight for rep exercises (null
/// when no set had reps or a weight), longest hold or run for timed ones, and how much was done in all.
/// </summary>
public sealed record PersonalRecord(
    string Exercise, RecordMark? MostReps, RecordMark? HeaviestKg, RecordMark? LongestSeconds,
    int Sets, int TotalReps, TimeSpan TotalTime, double TotalVolumeKg);
