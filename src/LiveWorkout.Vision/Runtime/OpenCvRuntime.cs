using System.Diagnostics;
using System.Text.RegularExpressions;
using LiveWorkout.Core;
using OpenCvSharp;

namespace LiveWorkout.Vision.Runtime;

/// <summary>Loads OpenCV's native library and reads its build information.</summary>
public static partial class OpenCvRuntime
{
    /// <summary>Debian packages that provide the shared libraries OpenCvSharpExtern links against.</summary>
    private static readonly Dictionary<string, string> DebianPackageOf = new(StringComparer.Ordinal)
    {
        ["libgtk-3.so.0"] = "libgtk-3-0", ["libgdk-3.so.0"] = "libgtk-3-0",
        ["libpangocairo-1.0.so.0"] = "libpangocairo-1.0-0", ["libpango-1.0.so.0"] = "libpango-1.0-0",
        ["libatk-1.0.so.0"] = "libatk1.0-0", ["libcairo-gobject.so.2"] = "libcairo-gobject2", ["libcairo.so.2"] = "libcairo2",
        ["libgdk_pixbuf-2.0.so.0"] = "libgdk-pixbuf-2.0-0", ["libgio-2.0.so.0"] = "libglib2.0-0",
        ["libgobject-2.0.so.0"] = "libglib2.0-0", ["libglib-2.0.so.0"] = "libglib2.0-0",
        ["libfreetype.so.6"] = "libfreetype6", ["libharfbuzz.so.0"] = "libharfbuzz0b", ["libdrm.so.2"] = "libdrm2",
        ["libatomic.so.1"] = "libatomic1", ["libX11.so.6"] = "libx11-6", ["libpng16.so.16"] = "libpng16-16",
        ["libjpeg.so.62"] = "libjpeg62-turbo", ["libfontconfig.so.1"] = "libfontconfig1",
    };

    /// <summary>Makes sure the native library loads, or throws with the exact install line.</summary>
    public static void EnsureLoaded()
    {
        try
        {
            _ = Cv2.GetVersionString();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException)
        {
            throw new EnvironmentException(DescribeLoadFailure(), e);
        }
    }

    public static OpenCvCapabilities Capabilities()
    {
        EnsureLoaded();
        string info = Cv2.GetBuildInformation();
        string gui = Match(info, @"^\s*GUI:\s*(\S+)");
        return new OpenCvCapabilities(
            Cv2.GetVersionString() ?? "?",
            FFmpeg: YesIn(info, @"^\s*FFMPEG:\s*(\S+)"),
            V4L2: YesIn(info, @"^\s*v4l/v4l2:\s*(\S+)"),
            Gui: gui is not ("" or "NONE" or "NO"),
            GuiBackend: gui,
            Dnn: Regex.IsMatch(info, @"To be built:.*\bdnn\b", RegexOptions.Multiline));
    }

    /// <summary>Camera devices that exist on this machine (/dev/video* on Linux).</summary>
    public static IReadOnlyList<string> CameraDevices()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/dev")) return [];
        return Directory.GetFiles("/dev", "video*").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One sentence naming the missing system libraries and the apt line that installs them,
    /// found by running ldd on the native library.
    /// </summary>
    public static string DescribeLoadFailure()
    {
        string? native = FindNativeLibrary();
        if (native is null)
            return "OpenCV's native library (libOpenCvSharpExtern) is missing from the build output; run 'dotnet build' again.";
        var missing = MissingDependencies(native);
        if (missing.Count == 0)
            return $"OpenCV's native library {native} failed to load; run 'ldd {native}' to see why.";
        var packages = missing.Select(m => DebianPackageOf.GetValueOrDefault(m, "?")).Distinct().Where(p => p != "?").ToList();
        string install = packages.Count > 0 ? $"install them with: sudo apt-get install -y {string.Join(' ', packages)}" : "install the packages that provide them";
        return $"OpenCV needs system libraries that are missing ({string.Join(", ", missing)}); {install}";
    }

    private static string? FindNativeLibrary()
    {
        string[] names = OperatingSystem.IsWindows() ? ["OpenCvSharpExtern.dll"] : ["libOpenCvSharpExtern.so"];
        string baseDir = AppContext.BaseDirectory;
        foreach (string name in names)
        {
            foreach (string candidate in new[] { Path.Combine(baseDir, name), Path.Combine(baseDir, "runtimes", OperatingSystem.IsWindows() ? "win-x64" : "linux-x64", "native", name) })
                if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    internal static List<string> MissingDependencies(string library)
    {
        if (!OperatingSystem.IsLinux()) return [];
        try
        {
            using var ldd = Process.Start(new ProcessStartInfo("ldd", library) { RedirectStandardOutput = true, UseShellExecute = false })!;
            string output = ldd.StandardOutput.ReadToEnd();
            ldd.WaitForExit();
            return output.Split('\n').Where(l => l.Contains("not found", StringComparison.Ordinal))
                .Select(l => l.Trim().Split(' ')[0]).Distinct().ToList();
        }
        catch (System.ComponentModel.Win32Exception) { return []; }
    }

    private static string Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return m.Success ? m.Groups[1].Value : "";
    }

    private static bool YesIn(string text, string pattern) => Match(text, pattern).Equals("YES", StringComparison.OrdinalIgnoreCase);
}
