namespace LiveWorkout.Core.Imaging;

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
