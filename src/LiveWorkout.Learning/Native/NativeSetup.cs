using System.Runtime.CompilerServices;

namespace LiveWorkout.Learning.Native;

/// <summary>Runs before any code of this assembly, so the app and the test host get the same native set-up.</summary>
public static class NativeSetup
{
#pragma warning disable CA2255 // A module initializer is exactly right: before libtorch loads and allocates.
    [ModuleInitializer]
    internal static void Initialize()
    {
        AllocatorTuning.Apply();
        // libtorch logs a warning per convolution on CPUs NNPACK does not support; keep errors only.
        // It reads the native environment when it loads, which .NET's SetEnvironmentVariable does not change on Unix.
        if (Vision.Runtime.NativeEnvironment.Get("TORCH_CPP_LOG_LEVEL") is null)
            Vision.Runtime.NativeEnvironment.Set("TORCH_CPP_LOG_LEVEL", "ERROR");
    }
#pragma warning restore CA2255

    /// <summary>Call first thing in Main: some commands touch TorchSharp before any type of this assembly.</summary>
    public static void EnsureInitialized() { }
}
