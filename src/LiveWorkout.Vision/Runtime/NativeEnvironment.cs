using System.Runtime.InteropServices;

namespace LiveWorkout.Vision.Runtime;

/// <summary>
/// The process environment as native libraries see it. On Unix, .NET's
/// Environment.SetEnvironmentVariable changes only the managed copy, while OpenCV and libtorch
/// read the C library's environment (getenv).
/// </summary>
public static class NativeEnvironment
{
    public static string? Get(string name) => OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : Marshal.PtrToStringAnsi(getenv(name));

    public static void Set(string name, string? value)
    {
        if (OperatingSystem.IsWindows()) { Environment.SetEnvironmentVariable(name, value); return; }
        if (value is null) _ = unsetenv(name);
        else _ = setenv(name, value, 1);
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern IntPtr getenv(string name);

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int unsetenv(string name);
}
