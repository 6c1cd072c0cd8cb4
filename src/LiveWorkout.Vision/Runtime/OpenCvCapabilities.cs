namespace LiveWorkout.Vision.Runtime;

/// <summary>What this OpenCV build can do, as doctor reports it.</summary>
public sealed record OpenCvCapabilities(string Version, bool FFmpeg, bool V4L2, bool Gui, string GuiBackend, bool Dnn);
