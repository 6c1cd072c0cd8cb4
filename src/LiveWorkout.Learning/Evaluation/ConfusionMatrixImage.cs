using OpenCvSharp;

namespace LiveWorkout.Learning.Evaluation;

/// <summary>The confusion matrix as a PNG: rows true, columns predicted, shaded by row share, counts printed.</summary>
public static class ConfusionMatrixImage
{
    public static void Write(string path, ClassificationMetrics metrics)
    {
        int n = metrics.Classes.Count, cell = Math.Clamp(560 / Math.Max(1, n), 28, 64), label = 130, top = 30;
        using var canvas = new Mat(label + top + n * cell + 10, label + n * cell + 10, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(canvas, "true (rows) vs predicted (columns)", new Point(label, 20), HersheyFonts.HersheySimplex, 0.45, Scalar.Black, 1, LineTypes.AntiAlias);
        for (int r = 0; r < n; r++)
        {
            long rowTotal = Math.Max(1, metrics.Confusion[r].Sum());
            Cv2.PutText(canvas, Short(metrics.Classes[r]), new Point(4, top + label + r * cell + cell / 2 + 4), HersheyFonts.HersheySimplex, 0.4, Scalar.Black, 1, LineTypes.AntiAlias);
            for (int c = 0; c < n; c++)
            {
                double share = (double)metrics.Confusion[r][c] / rowTotal;
                int shade = (int)(255 * (1 - share));
                var fill = r == c ? new Scalar(shade, 255, shade) : new Scalar(shade, shade, 255);
                var rect = new Rect(label + c * cell, top + label + r * cell, cell - 1, cell - 1);
                Cv2.Rectangle(canvas, rect, fill, -1);
                Cv2.PutText(canvas, metrics.Confusion[r][c].ToString(System.Globalization.CultureInfo.InvariantCulture), new Point(rect.X + 4, rect.Y + cell / 2 + 4),
                    HersheyFonts.HersheySimplex, 0.38, Scalar.Black, 1, LineTypes.AntiAlias);
            }
        }
        for (int c = 0; c < n; c++)
        {
            // Column labels written vertically: draw on a strip and rotate it into place.
            using var strip = new Mat(cell, label, MatType.CV_8UC3, Scalar.White);
            Cv2.PutText(strip, Short(metrics.Classes[c]), new Point(4, cell / 2 + 4), HersheyFonts.HersheySimplex, 0.4, Scalar.Black, 1, LineTypes.AntiAlias);
            using var rotated = new Mat();
            Cv2.Rotate(strip, rotated, RotateFlags.Rotate90Counterclockwise);
            using var target = new Mat(canvas, new Rect(label + c * cell, top, cell, label));
            rotated.CopyTo(target);
        }
        Cv2.ImWrite(path, canvas);
    }

    private static string Short(string name) => name.Length > 16 ? name[..15] + "." : name;
}
