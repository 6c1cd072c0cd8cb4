using System.Reflection;
using LiveWorkout.Core;
using TorchSharp;

namespace LiveWorkout.Learning.Native;

/// <summary>Loads libtorch, picks the device and describes both for doctor and bench.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Loads the native libraries, turning a load failure into one actionable sentence.
    /// </summary>
    public static void EnsureLoaded()
    {
        try
        {
            using var probe = torch.zeros(1);
            NnpackSwitch.DisableIfUnsupported();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or BadImageFormatException)
        {
            throw new EnvironmentException(
                "libtorch failed to load (" + Innermost(e).Message.Split('\n')[0].Trim() + "). Rebuild with 'dotnet build' so the " +
                "native patch step runs, or run 'liveworkout doctor' for details.", e);
        }
    }

    /// <summary>libtorch's intra-op CPU threads as configured (Runtime:TorchThreads), or 0 where its default stands.</summary>
    public static int ConfiguredThreads { get; private set; }

    /// <summary>Sets libtorch's intra-op CPU threads for the process, as configured.</summary>
    public static void SetThreads(int threads)
    {
        torch.set_num_threads(threads);
        ConfiguredThreads = threads;
    }

    /// <summary>
    /// Runs a landmark model on the CPU with one libtorch thread (unless threads were configured) until
    /// disposed (null where nothing changes): its heads are small, and libtorch's threads would wait for the cores that the pose
    /// stage's OpenCV threads hold, making live frames late.
    /// </summary>
    public static IDisposable? OneThreadForLandmarks(bool landmarks, torch.Device device)
    {
        if (!landmarks || device.type != DeviceType.CPU || ConfiguredThreads > 0) return null;
        int previous = torch.get_num_threads();
        torch.set_num_threads(1);
        return new Restore(previous);
    }

    private sealed class Restore(int threads) : IDisposable
    {
        public void Dispose() => torch.set_num_threads(threads);
    }

    /// <summary>
    /// The device for "auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N".
    /// </summary>
    public static torch.Device SelectDevice(string preference)
    {
        EnsureLoaded();
        string p = (preference ?? "auto").Trim().ToLowerInvariant();
        if (p is "" or "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (p == "cpu") return torch.CPU;
        if (p.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
                throw new EnvironmentException($"device '{preference}' was asked for but CUDA is not available here; use --device cpu or auto");
            return torch.device(p);
        }
        throw new InvalidInputException($"unknown device '{preference}': use auto, cpu, cuda or cuda:N");
    }

    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "?";

    /// <summary>The libtorch version TorchSharp was built against (from the loaded native package).</summary>
    public static string LibTorchVersion
    {
        get
        {
            // TorchSharp records the libtorch package version it expects in a private constant.
            var versionField = typeof(torch).Assembly.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
                .FirstOrDefault(f => f.Name == "libtorchPackageVersion");
            return versionField?.GetValue(null)?.ToString() ?? "unknown";
        }
    }

    /// <summary>One line for the device inference would use: GPU name and memory, or CPU threads.</summary>
    public static string DescribeDevice(torch.Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            var gpu = GpuInfo.Query(device.index < 0 ? 0 : device.index);
            return gpu is null ? $"{device} (name unavailable: NVML not found)" : $"{device} {gpu.Name}, {gpu.TotalMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB";
        }
        return $"cpu, {torch.get_num_threads()} threads ({Environment.ProcessorCount} logical cores)";
    }

    public static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
