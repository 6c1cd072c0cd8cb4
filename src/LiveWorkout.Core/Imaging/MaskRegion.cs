using System.Text.Json.Serialization;

namespace LiveWorkout.Core.Imaging;

/// <summary>A region to blank out, in fractions of the frame (e.g. a burned-in caption).</summary>
public sealed record MaskRegion(double X, double Y, double Width, double Height)
{
    [JsonIgnore]
    public bool IsInsideFrame => X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1 && Y + Height <= 1;
}
