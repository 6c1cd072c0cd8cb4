using System.Runtime.InteropServices;

namespace LiveWorkout.Learning.Native;

/// <summary>
/// Keeps glibc from handing TorchSharp's large tensor buffers back to the OS after every
/// batch. By default glibc serves allocations above 128 KiB (growing to 32 MiB) with fresh
/// mmap calls and trims the heap on free, so each training batch page-faults its activations
/// in again; raising the mmap and trim thresholds lets freed buffers be reused. Linux/glibc
/// only; a no-op elsewhere. Set LIVEWORKOUT_MALLOC_TUNING=0 to measure without it.
/// </summary>
public static class AllocatorTuning
{
    public const string DisableVariable = "LIVEWORKOUT_MALLOC_TUNING";

    private const int MTrimThreshold = -1;
    private const int MMmapThreshold = -3;
    private const int MMmapMax = -4;

    private static readonly Lock Gate = new();
    private static bool _applied;

    /// <summary>True once the thresholds were set in this process.</summary>
    public static bool IsActive { get; private set; }

    /// <summary>Why tuning is or is not active, for doctor.</summary>
    public static string Status { get; private set; } = "not applied";

    /// <summary>Applies the tuning once per process; later calls do nothing.</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied) return;
            _applied = true;
            if (!OperatingSystem.IsLinux()) { Status = "not needed on this OS"; return; }
            if (Environment.GetEnvironmentVariable(DisableVariable) == "0") { Status = $"disabled by {DisableVariable}=0"; return; }
            try
            {
                // Freed memory stays in the heap (no trim), and no allocation goes to mmap,
                // so batch-sized buffers are recycled instead of faulted in afresh.
                bool ok = mallopt(MTrimThreshold, int.MaxValue) == 1
                          & mallopt(MMmapThreshold, 32 * 1024 * 1024) == 1
                          & mallopt(MMmapMax, 0) == 1;
                IsActive = ok;
                Status = ok ? "active (glibc: no trim, no mmap for large blocks)" : "mallopt refused the settings";
            }
            catch (EntryPointNotFoundException) { Status = "not glibc (no mallopt)"; }
            catch (DllNotFoundException) { Status = "not glibc (no libc.so.6)"; }
        }
    }

    [DllImport("libc.so.6", CallingConvention = CallingConvention.Cdecl)]
    private static extern int mallopt(int param, int value);
}
