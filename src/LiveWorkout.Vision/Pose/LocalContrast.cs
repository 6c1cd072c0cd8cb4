using OpenCvSharp;

namespace LiveWorkout.Vision.Pose;

/// <summary>
/// Evens out the brightness of what the pose models look at: contrast-limited adaptive histogram
/// equalisation (CLAHE) of the lightness, in place, so a person in a dim room shows their limbs
/// more as in a well-lit picture. Keeps its working Mats: one instance per thread.
/// </summary>
public sealed class LocalContrast : IDisposable
{
    private readonly CLAHE _clahe = Cv2.CreateCLAHE(ClipLimit, new Size(Tiles, Tiles));
    private readonly Mat _lab = new();
    private readonly Mat _lightness = new();

    /// <summary>How far a tile's histogram may be stretched: 2 lifts a dark body without turning noise into texture.</summary>
    public const double ClipLimit = 2;

    /// <summary>Tiles across each side of the image.</summary>
    public const int Tiles = 8;

    public void Apply(Mat bgr)
    {
        Cv2.CvtColor(bgr, _lab, ColorConversionCodes.BGR2Lab);
        Cv2.ExtractChannel(_lab, _lightness, 0);
        _clahe.Apply(_lightness, _lightness);
        Cv2.InsertChannel(_lightness, _lab, 0);
        Cv2.CvtColor(_lab, bgr, ColorConversionCodes.Lab2BGR);
    }

    public void Dispose()
    {
        _clahe.Dispose();
        _lab.Dispose();
        _lightness.Dispose();
    }
}
