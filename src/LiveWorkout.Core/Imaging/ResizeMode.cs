using System.Text.Json.Serialization;

namespace LiveWorkout.Core.Imaging;

/// <summary>How a frame is fitted to the model's input size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResizeMode>))]
public enum ResizeMode
{
    /// <summary>Resize to the exact size, ignoring aspect ratio (what the seeds did).</summary>
    Stretch,
    /// <summary>Crop the largest centred region of the model's aspect ratio, then resize.</summary>
    CenterCrop,
    /// <summary>Fit inside and pad with the border colour.</summary>
    Letterbox,
}
