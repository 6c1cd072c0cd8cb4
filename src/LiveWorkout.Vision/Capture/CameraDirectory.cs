namespace LiveWorkout.Vision.Capture;

/// <summary>Cameras by name: on Linux each /sys/class/video4linux/videoN/name holds the device's name.</summary>
public static class CameraDirectory
{
    public static string? FindByName(string name)
    {
        const string root = "/sys/class/video4linux";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(root)) return null;
        foreach (string dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string file = Path.Combine(dir, "name");
            if (File.Exists(file) && File.ReadAllText(file).Trim().Contains(name, StringComparison.OrdinalIgnoreCase))
                return "/dev/" + Path.GetFileName(dir);
        }
        return null;
    }
}
