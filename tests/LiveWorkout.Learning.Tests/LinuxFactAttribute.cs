namespace LiveWorkout.Learning.Tests;

/// <summary>A fact about Linux-only native behaviour: reported as skipped elsewhere, never silently passed.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux-only: glibc and ELF native libraries";
    }
}
