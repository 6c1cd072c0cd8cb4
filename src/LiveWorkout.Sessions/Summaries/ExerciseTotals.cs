namespace LiveWorkout.Sessions;

/// <summary>
/// Totals of one exercise over a period (<see cref="PeriodStart"/> is null for all time); a timed
/// exercise has no reps, only time. <see cref="VolumeKg"/> sums reps times the weight entered.
/// </summary>
public sealed record ExerciseTotals(DateOnly? PeriodStart, string Exercise, int Sets, int Reps, TimeSpan Time, double VolumeKg = 0);
