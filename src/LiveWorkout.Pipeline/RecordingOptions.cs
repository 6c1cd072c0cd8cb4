using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Pipeline;

/// <summary>Section "Recordings": where recorded clips go and where the demo clips are.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Recordings";

    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "recordings";
}
