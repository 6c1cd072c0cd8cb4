using System.Runtime.CompilerServices;

namespace LiveWorkout.Learning.Native;

/// <summary>Runs before any code of this assembly, so the app and the test host get the same native set-up.</summary>
public static class NativeSetup
{
#pragma warning disable CA2255 // A module initializer is exactly right: before libtorch allocates.
    [ModuleInitializer]
    internal static void Initialize()
    {
        AllocatorTuning.Apply();
    }
#pragma warning restore CA2255

    /// <summary>Call first thing in Main: some commands touch TorchSharp before any type of this assembly.</summary>
    public static void EnsureInitialized() { }
}
