namespace LiveWorkout.Sessions;

/// <summary>
/// Runs of training without a break, as of a given day: weeks in a row with a workout (the usual
/// measure for people who do not train daily) and days in a row. A current run still counts when
/// this week or today has no workout yet, as long as the one before had.
/// </summary>
public sealed record TrainingStreaks(int CurrentWeeks, int LongestWeeks, int CurrentDays, int LongestDays);
