using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Pipeline;

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
