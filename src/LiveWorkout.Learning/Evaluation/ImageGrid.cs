using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Augmentation;
using OpenCvSharp;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>
/// A PNG grid of images with two caption lines each ("True: squat" / "Predicted: lunge"),
/// like seed 1's prediction figures. Red captions mark mistakes. A mask region (a burned-in
/// caption) is blanked as the model saw it, so a gallery never shows what the model could not.
/// </summary>
public static class ImageGrid
{
    public sealed record Tile(string ImagePath, string TrueClass, string PredictedClass);

    public static bool Write(string path, IReadOnlyList<Tile> tiles, IReadOnlyList<MaskRegion>? masks = null, int columns = 6, int cell = 160)
    {
        if (tiles.Count == 0) return false;
        const int caption = 36;
        int rows = (tiles.Count + columns - 1) / columns;
        using var canvas = new Mat(rows * (cell + caption), Math.Min(columns, tiles.Count) * cell, MatType.CV_8UC3, Scalar.White);
        for (int i = 0; i < tiles.Count; i++)
        {
            var t = tiles[i];
            int x = i % columns * cell, y = i / columns * (cell + caption);
            using (var image = Cv2.ImRead(t.ImagePath, ImreadModes.Color))
            {
                if (!image.Empty())
                {
                    MaskBlanking.Apply(image, masks);
                    double scale = Math.Min((double)cell / image.Width, (double)cell / image.Height);
                    var size = new Size(Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)));
                    using var small = new Mat();
                    Cv2.Resize(image, small, size, 0, 0, InterpolationFlags.Area);
                    using var target = new Mat(canvas, new Rect(x + (cell - size.Width) / 2, y + (cell - size.Height) / 2, size.Width, size.Height));
                    small.CopyTo(target);
                }
            }
            var color = t.TrueClass == t.PredictedClass ? new Scalar(0, 110, 0) : new Scalar(0, 0, 200);
            Cv2.PutText(canvas, Fit("True: " + t.TrueClass), new Point(x + 3, y + cell + 14), HersheyFonts.HersheySimplex, 0.4, Scalar.Black, 1, LineTypes.AntiAlias);
            Cv2.PutText(canvas, Fit("Predicted: " + t.PredictedClass), new Point(x + 3, y + cell + 30), HersheyFonts.HersheySimplex, 0.4, color, 1, LineTypes.AntiAlias);
        }
        Cv2.ImWrite(path, canvas);
        return true;
    }

    private static string Fit(string text) => text.Length > 26 ? text[..25] + "." : text;
}
