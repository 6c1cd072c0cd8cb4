namespace LiveWorkout.Synthetic;

/// <summary>Where and how big the person should appear: fill is the fraction of the frame the movement's extent spans, centre in fractions of the frame.</summary>
public readonly record struct Framing(double Fill, double CenterX, double CenterY);
