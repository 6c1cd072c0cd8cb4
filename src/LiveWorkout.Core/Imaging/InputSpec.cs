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
/// Where the person is, for models that see a region of the frame rather than all of it: a
/// square around recent motion (see <c>MotionRegionTracker</c>). A far-away person fills a few
/// pixels of a whole frame squeezed into the model's input; the region gives them most of it.
/// </summary>
/// <param name="Expand">Side of the square as a multiple of the moving area's larger side.</param>
/// <param name="MemorySeconds">Time constant over which motion fades from the history.</param>
/// <param name="SampleSeconds">Time between the frames the tracker compares.</param>
/// <param name="Smoothing">How far the region moves towards each new measurement (0..1].</param>
/// <param name="MinSide">Smallest side, as a fraction of the frame's shorter side.</param>
public sealed record RegionSpec(double Expand = 1.6, double MemorySeconds = 6, double SampleSeconds = 0.2, double Smoothing = 0.3, double MinSide = 0.35)
{
    public void Validate()
    {
        if (!(Expand >= 1 && Expand <= 10)) throw new InvalidInputException($"region expand {Expand} is out of range (1..10)");
        if (!(MemorySeconds > 0 && MemorySeconds <= 600)) throw new InvalidInputException($"region memory {MemorySeconds} s is out of range (0..600]");
        if (!(SampleSeconds > 0 && SampleSeconds <= 5)) throw new InvalidInputException($"region sample interval {SampleSeconds} s is out of range (0..5]");
        if (!(Smoothing > 0 && Smoothing <= 1)) throw new InvalidInputException($"region smoothing {Smoothing} is out of range (0..1]");
        if (!(MinSide > 0 && MinSide <= 1)) throw new InvalidInputException($"region minimum side {MinSide} is out of range (0..1]");
    }
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
    IReadOnlyList<MaskRegion>? Masks = null,
    RegionSpec? Region = null)
{
    public int Channels => Color == ColorMode.Gray ? 1 : 3;

    /// <summary>Checks the spec makes sense; throws with what is wrong.</summary>
    public void Validate()
    {
        if (Width < 2 || Height < 2 || Width > 4096 || Height > 4096)
            throw new InvalidInputException($"input size {Width}x{Height} is out of range (2..4096)");
        if (Mean.Length != Channels || Std.Length != Channels)
            throw new InvalidInputException($"normalisation needs {Channels} mean/std values for {Color}, got {Mean.Length}/{Std.Length}");
        if (Std.Any(s => !(s > 0)))
            throw new InvalidInputException("normalisation std values must be positive");
        Region?.Validate();
    }
}
