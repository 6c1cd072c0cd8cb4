namespace LiveWorkout.Learning.Native;

/// <summary>
/// One look at the process's memory: resident set (VmRSS), managed heap, native heap in use
/// (glibc mallinfo2: uordblks + hblkhd; libtorch and OpenCV Mats both allocate there) and live
/// TorchSharp tensors; and what the two allocators hold from the OS (glibc: arena + hblkhd, the GC:
/// committed bytes), which tells memory kept for reuse from memory in use. Fields that cannot be
/// read on this platform are -1.
/// </summary>
public sealed record MemorySnapshot(long ResidentBytes, long ManagedHeapBytes, long NativeHeapInUseBytes, long LiveTensors,
    long NativeHeapHeldBytes = -1, long ManagedCommittedBytes = -1);
