using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Hosting;

/// <summary>Section "Model": which model package to load and where to run it.</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>Folder of the model package (model.json + model.dat), relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "models/landmarks";

    /// <summary>auto (CUDA when present, else CPU), cpu, cuda or cuda:N.</summary>
    [RegularExpression("^(auto|cpu|cuda(:[0-9]+)?)$", ErrorMessage = "must be auto, cpu, cuda or cuda:N")]
    public string Device { get; set; } = "auto";

    /// <summary>
    /// Use the package's temporal head when it has one (default). False classifies every frame
    /// with the CNN alone, to measure what the head adds (`--set Model:TemporalHead=false`).
    /// </summary>
    public bool TemporalHead { get; set; } = true;
}

/// <summary>Section "Capture": the live source and what to ask of it.</summary>
public sealed class CaptureOptions
{
    public const string Section = "Capture";

    /// <summary>Camera index (0), device path (/dev/video0), camera name, http(s)/rtsp URL, video file or image folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Source { get; set; } = "0";

    [Range(16, 7680)] public int Width { get; set; } = 640;
    [Range(16, 4320)] public int Height { get; set; } = 480;
    [Range(1.0, 240.0)] public double Fps { get; set; } = 30;

    /// <summary>Longest wait between reconnect attempts of a dropped stream.</summary>
    [Range(0.1, 600.0)] public double ReconnectMaxSeconds { get; set; } = 30;
}

/// <summary>Section "Sessions": where the session log lives.</summary>
public sealed class SessionLogOptions
{
    public const string Section = "Sessions";

    /// <summary>SQLite file; empty means the user's data folder (e.g. ~/.local/share/LiveWorkout/sessions.db).</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>The unit weights are entered (sessions edit --weight), shown and exported in: kg or lb; the log keeps kilograms.</summary>
    [RegularExpression("^(kg|lb)$", ErrorMessage = "must be kg or lb")]
    public string WeightUnit { get; set; } = "kg";

    public string ResolveDatabasePath() => string.IsNullOrWhiteSpace(DatabasePath)
        ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "LiveWorkout", "sessions.db")
        : System.IO.Path.GetFullPath(DatabasePath);
}

/// <summary>Section "Recordings": where recorded clips go and where the demo clips are.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Recordings";

    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "recordings";
}

/// <summary>Section "Runtime": process-wide native settings.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Intra-op threads for libtorch on the CPU; 0 keeps libtorch's default (one per core).</summary>
    [Range(0, 1024)] public int TorchThreads { get; set; }
}
