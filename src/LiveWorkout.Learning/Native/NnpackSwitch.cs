using System.Runtime.InteropServices;

namespace LiveWorkout.Learning.Native;

/// <summary>
/// Turns libtorch's NNPACK convolution path off on CPUs it does not support. There libtorch tries
/// NNPACK on every convolution, fails, falls back and logs "Could not initialize NNPACK!" each
/// time (no log-level variable silences it in 2.10). TorchSharp exposes no switch, so this calls
/// <c>at::globalContext().setUserEnabledNNPACK(false)</c> in libtorch_cpu directly.
/// </summary>
internal static unsafe class NnpackSwitch
{
    private static int _done;

    public static void DisableIfUnsupported()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        if (!NativeLibrary.TryLoad("libtorch_cpu.so", typeof(NnpackSwitch).Assembly, DllImportSearchPath.AssemblyDirectory, out IntPtr lib)
            && !NativeLibrary.TryLoad("libtorch_cpu.so", out lib)) return;
        if (!NativeLibrary.TryGetExport(lib, "_ZN2at13globalContextEv", out IntPtr globalContext)
            || !NativeLibrary.TryGetExport(lib, "_ZN2at7Context20setUserEnabledNNPACKEb", out IntPtr setEnabled)) return;
        IntPtr context = ((delegate* unmanaged<IntPtr>)globalContext)();
        ((delegate* unmanaged<IntPtr, byte, void>)setEnabled)(context, 0);
    }

    /// <summary>Whether libtorch will try NNPACK (null when that cannot be read on this platform).</summary>
    public static bool? IsEnabled()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        if (!NativeLibrary.TryLoad("libtorch_cpu.so", typeof(NnpackSwitch).Assembly, DllImportSearchPath.AssemblyDirectory, out IntPtr lib)
            && !NativeLibrary.TryLoad("libtorch_cpu.so", out lib)) return null;
        if (!NativeLibrary.TryGetExport(lib, "_ZN2at13globalContextEv", out IntPtr globalContext)
            || !NativeLibrary.TryGetExport(lib, "_ZNK2at7Context17userEnabledNNPACKEv", out IntPtr getEnabled)) return null;
        IntPtr context = ((delegate* unmanaged<IntPtr>)globalContext)();
        return ((delegate* unmanaged<IntPtr, byte>)getEnabled)(context) != 0;
    }
}
