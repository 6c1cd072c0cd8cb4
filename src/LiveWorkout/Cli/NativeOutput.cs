using System.Runtime.InteropServices;

namespace LiveWorkout.Cli;

/// <summary>
/// Keeps what native libraries print on the process's stderr (FFmpeg's "moov atom not found",
/// OpenCV's V4L2 warnings, libjpeg's "premature end of data") away from the user, so our own
/// one line is the first and only one; --verbose leaves it on the terminal. Our own stderr is a
/// duplicate of the original descriptor, taken before the native one is pointed at /dev/null.
/// </summary>
public static class NativeOutput
{
    private const int StandardError = 2;
    private const int WriteOnly = 1;

    /// <summary>Silences native stderr unless <paramref name="args"/> ask for --verbose (Linux and macOS; elsewhere nothing changes).</summary>
    public static void SilenceUnlessVerbose(string[] args)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return;
        if (args.Any(a => a is "--verbose" or "-v")) return;
        try
        {
            // .NET writes Console.Error through its own duplicate of descriptor 2: create it now.
            Console.Error.Flush();
            int devNull = Open("/dev/null", WriteOnly);
            if (devNull < 0) return;
            Dup2(devNull, StandardError);
            Close(devNull);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call: native output stays where it was.
        }
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int from, int to);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
