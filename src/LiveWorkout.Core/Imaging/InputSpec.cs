using System.Text.Json.Serialization;

namespace LiveWorkout.Core.Imaging;

/// <summary>How pixels are arranged for the model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColorMode>))]
public enum ColorMode { Gray, Rgb }

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

/// <summary>A region to blank out, in fractions of the frame (e.g. a burned-in caption).</summary>
public sealed record MaskRegion(double X, double Y, double Width, double Height)
{
    [JsonIgnore]
    public bool IsInsideFrame => X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1 && Y + Height <= 1;
}

/// <summary>
/// The model's input contract, stored in model.json: one preprocessing path for training,
/// evaluation, replay and live is driven by it.
/// </summary>
public sealed record InputSpec(
    int Width,
    int Height,
    ColorMode Color,
    float[] Mean,
    float[] Std,
    ResizeMode Resize = ResizeMode.Stretch,
    IReadOnlyList<MaskRegion>? Masks = null)
{
    public int Channels => Color == ColorMode.Gray ? 1 : 3;

    /// <summary>Checks the spec makes sense; throws with what is wrong.</summary>
    public void Validate()
    {
        if (Width < 2 || Height < 2 || Width > 4096 || Height > 4096)
            throw new LiveWorkoutException($"input size {Width}x{Height} is out of range (2..4096)", 2);
        if (Mean.Length != Channels || Std.Length != Channels)
            throw new LiveWorkoutException($"normalisation needs {Channels} mean/std values for {Color}, got {Mean.Length}/{Std.Length}", 2);
        if (Std.Any(s => !(s > 0)))
            throw new LiveWorkoutException("normalisation std values must be positive", 2);
    }
}
