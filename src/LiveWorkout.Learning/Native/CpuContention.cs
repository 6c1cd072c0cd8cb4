using System.Globalization;
using TorchSharp;

namespace LiveWorkout.Learning.Native;

/// <summary>
/// Training on the CPU wants the cores to itself: libtorch's threads wait for each other at every
/// operation, so when another process preempts one of them, all of them stall (on 2 cores an
/// epoch ran about five times slower beside low-priority renders). <c>train</c> and <c>train-head</c> say so
/// in one line when the machine is busy as they start.
/// </summary>
public static class CpuContention
{
    /// <summary>The 1-minute load average (Linux), or null where there is none.</summary>
    public static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    /// <summary>
    /// The warning for a CPU run started while other work keeps at least one core busy (load
    /// average 1 or more), or null.
    /// </summary>
    public static string? Warning(double? loadAverage, int cores, bool onCpu)
    {
        if (!onCpu || loadAverage is not { } load || load < 1) return null;
        return $"warning: the CPU has been busy (load average {load.ToString("0.0", CultureInfo.InvariantCulture)} over the last minute on {cores} cores): " +
            "libtorch's threads stall whenever another process takes a core, so training may run several times slower; let other jobs finish first";
    }

    /// <summary>Writes <see cref="Warning"/> for this machine now, if there is one.</summary>
    public static void WarnIfBusy(TextWriter output, torch.Device device)
    {
        if (Warning(LoadAverage(), Environment.ProcessorCount, device.type == DeviceType.CPU) is { } line) output.WriteLine(line);
    }
}
