namespace LiveWorkout.Synthetic;

/// <summary>One step of a workout session script.</summary>
public abstract record ScriptSegment;
