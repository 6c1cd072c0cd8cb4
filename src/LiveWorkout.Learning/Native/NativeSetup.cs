using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LiveWorkout.Learning.Native;

/// <summary>Runs before any code of this assembly, so the app and the test host get the same native set-up.</summary>
internal static class NativeSetup
{
#pragma warning disable CA2255 // A module initializer is exactly right: before libtorch loads and allocates.
    [ModuleInitializer]
    internal static void Initialize()
    {
        AllocatorTuning.Apply();
        // libtorch logs a warning per convolution on CPUs NNPACK does not support; keep errors only.
        // It reads the native environment when it loads, which .NET's SetEnvironmentVariable does not change on Unix.
        if (!OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable("TORCH_CPP_LOG_LEVEL") is null)
            _ = setenv("TORCH_CPP_LOG_LEVEL", "ERROR", 0);
    }
#pragma warning restore CA2255

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int setenv(string name, string value, int overwrite);
}
