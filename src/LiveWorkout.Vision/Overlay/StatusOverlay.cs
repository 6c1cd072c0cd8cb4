using System.Globalization;
using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;
using OpenCvSharp;

namespace LiveWorkout.Vision.Overlay;

/// <summary>
/// Draws the recognition status onto a frame: exercise and confidence, reps and the timer of
/// the current set, the pipeline's health (fps, frame age, dropped frames) and, for a model that
/// crops to the person, the region it sees.
/// </summary>
public static class StatusOverlay
{
    private static readonly Scalar Panel = new(30, 30, 30);
    private static readonly Scalar Accent = new(80, 200, 120);
    private static readonly Scalar Idle = new(215, 215, 215);
    private static readonly Scalar Warning = new(60, 60, 230);

    public static void Draw(Mat frame, RecognitionStatus status, Rect? region = null)
    {
        if (region is { } r) Cv2.Rectangle(frame, r, Accent, Math.Max(1, frame.Width / 320), LineTypes.AntiAlias);

        double scale = Math.Clamp(frame.Width / 640.0, 0.5, 2.5);
        int pad = (int)(10 * scale), lineHeight = (int)(30 * scale);
        int panelHeight = pad * 2 + lineHeight * 3;

        bool inSet = status.SetExercise is not null;
        string title = $"{(inSet ? Pretty(status.SetExercise!) : Pretty(status.Label))}  {status.Confidence * 100:0}%";
        var color = inSet ? Accent : Idle;
        // The panel widens for a long name ("Decline bench press"); in a narrow frame the name shrinks to fit.
        double titleSize = 0.8 * scale;
        int titleWidth = Cv2.GetTextSize(title, HersheyFonts.HersheySimplex, titleSize, 2, out _).Width;
        if (titleWidth > frame.Width - 2 * pad)
        {
            titleSize *= (frame.Width - 2.0 * pad) / titleWidth;
            titleWidth = Cv2.GetTextSize(title, HersheyFonts.HersheySimplex, titleSize, 2, out _).Width;
        }
        int panelWidth = Math.Min(frame.Width, Math.Max((int)(330 * scale), titleWidth + 2 * pad));

        using (var roi = new Mat(frame, new Rect(0, 0, panelWidth, Math.Min(frame.Height, panelHeight))))
        using (var shade = new Mat(roi.Size(), roi.Type(), Panel))
            Cv2.AddWeighted(roi, 0.25, shade, 0.75, 0, roi);

        Text(frame, title, pad, pad + lineHeight - (int)(6 * scale), titleSize, color, 2);

        string detail = inSet
            ? ExerciseCatalog.IsStaticHold(status.SetExercise!)
                ? $"hold {Clock(status.Time - status.SetStart)}"
                : $"reps {status.SetReps}   set {Clock(status.Time - status.SetStart)}"
            : $"sets done {status.SetsDone}";
        Text(frame, detail, pad, pad + 2 * lineHeight - (int)(6 * scale), 0.65 * scale, Scalar.White, 1);

        string health = status.SourceLost
            ? "source lost - reconnecting"
            : string.Create(CultureInfo.InvariantCulture, $"{status.Fps:0} fps  age {status.FrameAge.TotalMilliseconds:0} ms  dropped {status.Dropped}");
        Text(frame, health, pad, pad + 3 * lineHeight - (int)(6 * scale), 0.5 * scale, status.SourceLost ? Warning : Idle, 1);
    }

    /// <summary>Draws <paramref name="text"/> centred on a dark band along the bottom of the frame: advice for the person in front of the camera.</summary>
    public static void DrawHint(Mat frame, string text)
    {
        double scale = Math.Clamp(frame.Width / 640.0, 0.5, 2.5), size = 0.55 * scale;
        int bandHeight = Math.Min(frame.Height, (int)(36 * scale));
        using (var roi = new Mat(frame, new Rect(0, frame.Height - bandHeight, frame.Width, bandHeight)))
        using (var shade = new Mat(roi.Size(), roi.Type(), Panel))
            Cv2.AddWeighted(roi, 0.25, shade, 0.75, 0, roi);
        // Shrunk to fit a narrow frame rather than cut off.
        var extent = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, size, 1, out _);
        if (extent.Width > frame.Width - 8)
        {
            size *= (frame.Width - 8.0) / extent.Width;
            extent = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, size, 1, out _);
        }
        Text(frame, text, Math.Max(4, (frame.Width - extent.Width) / 2), frame.Height - (bandHeight - extent.Height) / 2, size, Warning, 1);
    }

    /// <summary>Text with a dark outline, so it stays readable where the panel lies over bright video.</summary>
    private static void Text(Mat frame, string text, int x, int y, double size, Scalar color, int thickness)
    {
        Cv2.PutText(frame, text, new Point(x, y), HersheyFonts.HersheySimplex, size, Scalar.Black, thickness + 2, LineTypes.AntiAlias);
        Cv2.PutText(frame, text, new Point(x, y), HersheyFonts.HersheySimplex, size, color, thickness, LineTypes.AntiAlias);
    }

    private static string Pretty(string label) => Core.ExerciseCatalog.DisplayName(label);

    private static string Clock(TimeSpan t) => t < TimeSpan.Zero ? "0:00" : $"{(int)t.TotalMinutes}:{t.Seconds:00}";
}
