namespace LiveWorkout.Synthetic;

/// <summary>A point in the image: pixel coordinates and the distance along the camera's view axis.</summary>
public readonly record struct ImagePoint(double X, double Y, double Depth)
{
    public bool InFront => Depth > 0.05;
}
