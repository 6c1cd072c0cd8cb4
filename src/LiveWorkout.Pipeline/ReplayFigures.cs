namespace LiveWorkout.Pipeline;

/// <param name="FrontEndP50Ms">The front end's own time per frame (pixel preprocessing, or the pose stage of a landmark model), median.</param>
public sealed record ReplayFigures(string Clip, long Frames, double MediaSeconds, double WallSeconds, double FramesPerSecond, double RealTimeFactor,
    double FrontEndP50Ms, double FrontEndP95Ms);
