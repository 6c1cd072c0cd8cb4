namespace LiveWorkout.Vision.Capture;

/// <summary>What to ask of a camera; files and streams ignore the size.</summary>
public sealed record CaptureRequest(int Width = 640, int Height = 480, double Fps = 30);
