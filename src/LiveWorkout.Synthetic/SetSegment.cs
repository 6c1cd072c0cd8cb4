namespace LiveWorkout.Synthetic;

/// <summary>
/// A set: reps at a tempo (1 = the motion's usual speed) and depth (range of motion, 0..1); a static
/// hold lasts <see cref="HoldSeconds"/> instead. <see cref="Variant"/> is how the exercise is done
/// (empty: the standard way). Some reps may pause at the extreme (<see cref="PauseAtExtreme"/>
/// seconds, the rep time staying mid-pause) or before starting (<see cref="PauseBetween"/>), and a
/// <see cref="PartialShare"/> of reps go only 0.4-0.7 of the way; <see cref="Seed"/> picks which.
/// </summary>
public sealed record SetSegment(
    string Exercise, int Reps, double Tempo, double Depth, double HoldSeconds = 0, string Variant = "",
    double PauseAtExtreme = 0, double PauseBetween = 0, double PartialShare = 0, int Seed = 0) : ScriptSegment;
