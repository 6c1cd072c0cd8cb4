using LiveWorkout.Learning.Evaluation;
using OpenCvSharp;

namespace LiveWorkout.Learning.Tests.Evaluation;

public sealed class ImageGridTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lw-grid-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Gallery_blanks_the_masked_caption_the_model_never_saw()
    {
        // A white 200x100 frame with a "caption" the mask covers (top-left quarter).
        string image = Path.Combine(_folder, "frame.png");
        using (var white = new Mat(100, 200, MatType.CV_8UC3, Scalar.White)) Cv2.ImWrite(image, white);
        var tiles = new[] { new ImageGrid.Tile(image, "squat", "squat") };

        string plain = Path.Combine(_folder, "plain.png"), masked = Path.Combine(_folder, "masked.png");
        Assert.True(ImageGrid.Write(plain, tiles));
        Assert.True(ImageGrid.Write(masked, tiles, [new MaskRegion(0, 0, 0.5, 0.5)]));

        // The 160-pixel cell holds the frame scaled to 160x80, centred vertically (rows 40..119).
        using var p = Cv2.ImRead(plain);
        using var m = Cv2.ImRead(masked);
        Assert.Equal(255, p.At<Vec3b>(50, 20).Item0);
        Assert.Equal(0, m.At<Vec3b>(50, 20).Item0);
        Assert.Equal(255, m.At<Vec3b>(100, 140).Item0);
    }
}
