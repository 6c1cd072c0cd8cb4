namespace LiveWorkout.Pipeline;

public sealed record MemoryPoint(double WallSeconds, long Frames, double MediaSeconds, double ResidentMb, double ManagedMb, double NativeHeapMb, long InferenceThreadTensors,
    double NativeHeldMb, double ManagedCommittedMb);
