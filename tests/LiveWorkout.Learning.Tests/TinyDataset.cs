using OpenCvSharp;

namespace LiveWorkout.Learning.Tests;

/// <summary>Writes a small generated image dataset: one shape and colour per class on a noisy background.</summary>
internal sealed class TinyDataset : IDisposable
{
    public static readonly string[] Classes = ["circle", "square", "triangle"];

    public TinyDataset(int perClass = 30, int size = 40, int seed = 1)
    {
        Root = Path.Combine(Path.GetTempPath(), "lw-tiny-" + Guid.NewGuid().ToString("N"));
        var random = new Random(seed);
        foreach (string cls in Classes)
        {
            Directory.CreateDirectory(Path.Combine(Root, cls));
            for (int i = 0; i < perClass; i++)
                Draw(Path.Combine(Root, cls, $"{cls}_{i:D3}.png"), cls, size, random);
        }
    }

    public string Root { get; }

    public static void Draw(string path, string cls, int size, Random random)
    {
        using var image = new Mat(size, size, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(90));
        int r = size / 4 + random.Next(size / 8), cx = size / 2 + random.Next(-3, 4), cy = size / 2 + random.Next(-3, 4);
        switch (cls)
        {
            case "circle":
                Cv2.Circle(image, new Point(cx, cy), r, new Scalar(40, 40, 230), -1);
                break;
            case "square":
                Cv2.Rectangle(image, new Rect(cx - r, cy - r, 2 * r, 2 * r), new Scalar(40, 220, 40), -1);
                break;
            default:
                Cv2.FillConvexPoly(image, new[] { new Point(cx, cy - r), new Point(cx - r, cy + r), new Point(cx + r, cy + r) }, new Scalar(230, 60, 40));
                break;
        }
        Cv2.ImWrite(path, image);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
