using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Hosting;

/// <summary>Section "Runtime": process-wide native settings.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Intra-op threads for libtorch on the CPU; 0 keeps libtorch's default (one per core).</summary>
    [Range(0, 1024)] public int TorchThreads { get; set; }
}
