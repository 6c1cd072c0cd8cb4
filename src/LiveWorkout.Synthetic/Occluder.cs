using OpenCvSharp;

namespace LiveWorkout.Synthetic;

/// <summary>Something in front of the person (a bench end, a box), in fractions of the frame.</summary>
public sealed record Occluder(double X, double Y, double Width, double Height, double AngleDegrees, Scalar Colour);
