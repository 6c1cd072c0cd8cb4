namespace LiveWorkout.Vision.Capture;

public enum SourceKind { Camera, Stream, VideoFile, ImageFolder }
