using OpenCvSharp;

namespace LiveWorkout.Vision.Capture;

/// <summary>What a recording wrote.</summary>
public sealed record RecordedClip(string Path, long FramesRead, long FramesWritten, double Fps, Size FrameSize, TimeSpan Duration, bool SourceEnded);
