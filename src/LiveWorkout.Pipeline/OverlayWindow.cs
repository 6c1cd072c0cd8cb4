using System.Diagnostics;
using LiveWorkout.Core.Pose;
using LiveWorkout.Vision.Overlay;
using LiveWorkout.Vision.Pose;
using OpenCvSharp;

namespace LiveWorkout.Pipeline;

/// <summary>
/// OpenCV's own window showing each captured frame with the latest status drawn on a copy.
/// Runs on the capture thread (HighGUI wants one thread); q or Esc ends the run.
/// </summary>
public sealed class OverlayWindow : IDisposable
{
    private readonly string _title;
    private readonly StatusBoard _status;
    private readonly CancellationTokenSource _stop;
    private readonly Func<Rect?> _region;
    private readonly PoseFrontEnd? _pose;
    private readonly float[] _landmarks = new float[PoseFrame.Length];
    private readonly Mat _canvas = new();
    private readonly NobodyHint _nobody = new();
    private readonly PlacementHint _placement = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _created;

    /// <param name="region">The region the model sees in the frame being shown (null: the whole frame).</param>
    /// <param name="pose">The pose stage of a landmark model, whose skeleton is drawn; null for a pixel model.</param>
    public OverlayWindow(string title, StatusBoard status, CancellationTokenSource stop, Func<Rect?> region, PoseFrontEnd? pose = null)
    {
        _title = title;
        _status = status;
        _stop = stop;
        _region = region;
        _pose = pose;
    }

    public void Show(Mat frame, long index)
    {
        if (!_created)
        {
            try
            {
                Cv2.NamedWindow(_title, WindowFlags.AutoSize);
            }
            catch (OpenCVException e)
            {
                throw new Core.EnvironmentException(
                    $"the window could not be opened on display '{Environment.GetEnvironmentVariable("DISPLAY")}' ({e.Message.Trim()}): check DISPLAY points at a running X server, or run without the window (--headless for live, no --show for replay).", e);
            }
            _created = true;
        }
        frame.CopyTo(_canvas);
        if (_pose is not null)
        {
            _pose.CopyLatest(_landmarks);
            SkeletonOverlay.Draw(_canvas, _landmarks);
        }
        var status = _status.Current;
        StatusOverlay.Draw(_canvas, status, _pose is null ? _region() : null);
        if (_pose is not null)
        {
            string? nobody = _nobody.Update(PoseFrame.Presence(_landmarks) >= LandmarkFeatures.PresenceThreshold, _clock.Elapsed);
            string? placement = _placement.Update(_landmarks, status.SetExercise is not null, _clock.Elapsed);
            if ((nobody ?? placement) is { } hint) StatusOverlay.DrawHint(_canvas, hint);
        }
        Cv2.ImShow(_title, _canvas);
        int key = Cv2.WaitKey(1);
        if (key is 'q' or 27) _stop.Cancel();
    }

    public void Dispose()
    {
        if (_created) Cv2.DestroyWindow(_title);
        _canvas.Dispose();
    }
}
