using System.Globalization;
using OpenCvSharp;

namespace LiveWorkout.Pipeline;

/// <summary>
/// The window of <c>liveworkout record</c>: each frame with a red dot and the recorded time.
/// Runs on the recording thread (HighGUI wants one thread); q or Esc stops the recording.
/// </summary>
public sealed class RecordingPreview(string title, CancellationTokenSource stop) : IDisposable
{
    private readonly Mat _canvas = new();
    private bool _created;

    public void Show(Mat frame, TimeSpan time)
    {
        if (!_created)
        {
            Cv2.NamedWindow(title, WindowFlags.AutoSize);
            _created = true;
        }
        frame.CopyTo(_canvas);
        double scale = Math.Max(0.5, _canvas.Height / 480.0);
        var at = new Point((int)(16 * scale), (int)(24 * scale));
        Cv2.Circle(_canvas, at, (int)(8 * scale), new Scalar(0, 0, 230), -1, LineTypes.AntiAlias);
        string text = string.Create(CultureInfo.InvariantCulture, $"REC {(int)time.TotalMinutes:00}:{time.Seconds:00}   q/Esc: stop");
        var origin = new Point(at.X + (int)(16 * scale), at.Y + (int)(7 * scale));
        Cv2.PutText(_canvas, text, origin, HersheyFonts.HersheySimplex, 0.6 * scale, Scalar.Black, (int)Math.Ceiling(4 * scale), LineTypes.AntiAlias);
        Cv2.PutText(_canvas, text, origin, HersheyFonts.HersheySimplex, 0.6 * scale, Scalar.White, (int)Math.Ceiling(1.5 * scale), LineTypes.AntiAlias);
        Cv2.ImShow(title, _canvas);
        int key = Cv2.WaitKey(1);
        if (key is 'q' or 'Q' or 27) stop.Cancel();
    }

    public void Dispose()
    {
        if (_created) Cv2.DestroyWindow(title);
        _canvas.Dispose();
    }
}
