namespace LiveWorkout.Synthetic;

/// <summary>A stretch of a clip with one label: a set, or idle time (transitions, rests, activities).</summary>
public sealed record LabelledSpan(double Start, double End, string Label);
