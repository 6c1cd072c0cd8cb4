namespace LiveWorkout.Core;

/// <summary>What an exercise's sets are measured in: counted reps, or how long they last.</summary>
public enum MeasuredIn
{
    Reps,
    Time,
}
