namespace LiveWorkout.Sessions;

/// <summary>One local day of training: the sessions begun that day with at least one set, their active time and counted reps.</summary>
public sealed record DayActivity(DateOnly Day, int Sessions, TimeSpan Active, int Reps);
