using System.Globalization;
using System.Runtime.InteropServices;
using TorchSharp;

namespace LiveWorkout.Learning.Native;

public static class ProcessMemory
{
    /// <summary>Takes a snapshot; <paramref name="fullCollection"/> first runs a full blocking GC so the managed figure is what is reachable.</summary>
    public static MemorySnapshot Take(bool fullCollection = false)
    {
        if (fullCollection)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        // Tensor.TotalCount is process-wide (created minus disposed on every thread); the exact
        // per-thread DisposeScopeManager.Statistics count is only readable on the owning thread.
        var (inUse, held) = NativeHeap();
        return new MemorySnapshot(ResidentBytes(), GC.GetTotalMemory(false), inUse, torch.Tensor.TotalCount,
            held, GC.GetGCMemoryInfo().TotalCommittedBytes);
    }

    /// <summary>VmRSS from /proc/self/status (Linux), else the working set.</summary>
    public static long ResidentBytes()
    {
        if (OperatingSystem.IsLinux())
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return Environment.WorkingSet;
    }

    /// <summary>Bytes of the C heap in use (all arenas plus mmapped blocks); -1 where glibc's mallinfo2 is missing.</summary>
    public static long NativeHeapInUse() => NativeHeap().InUse;

    /// <summary>
    /// One mallinfo2 call (it walks every arena): bytes in use, and bytes glibc's malloc holds from
    /// the OS (arena + mmapped blocks), in use or free for reuse; -1 each where unreadable.
    /// </summary>
    private static (long InUse, long Held) NativeHeap()
    {
        if (!OperatingSystem.IsLinux()) return (-1, -1);
        try
        {
            var info = mallinfo2();
            return ((long)(info.uordblks + info.hblkhd), (long)(info.arena + info.hblkhd));
        }
        catch (EntryPointNotFoundException) { return (-1, -1); }
        catch (DllNotFoundException) { return (-1, -1); }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc.so.6", CallingConvention = CallingConvention.Cdecl)]
    private static extern MallInfo2 mallinfo2();
}
