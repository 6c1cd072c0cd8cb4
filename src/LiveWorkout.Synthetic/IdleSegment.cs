using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic;

/// <summary>Time between sets doing something that is not an exercise.</summary>
public sealed record IdleSegment(IdleActivity Activity, double Seconds) : ScriptSegment;
