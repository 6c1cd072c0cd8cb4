using LiveWorkout.Vision.Overlay;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Overlay;

public sealed class StatusOverlayTests
{
    /// <summary>The hint lies on a band along the bottom, its text inside the frame even where the frame is narrow.</summary>
    [Theory]
    [InlineData(640, 480)]
    [InlineData(270, 480)]
    public void A_hint_is_drawn_along_the_bottom_and_fits_the_frame(int width, int height)
    {
        using var frame = new Mat(new Size(width, height), MatType.CV_8UC3, Scalar.All(255));
        StatusOverlay.DrawHint(frame, "Nobody in view: step back until your whole body is in the picture");

        using var top = new Mat(frame, new Rect(0, 0, width, height * 3 / 4));
        Assert.Equal(255.0, Cv2.Mean(top).Val0, 6);
        // The band darkens the bottom; the warning-coloured text shows in it, left and right of the centre.
        using var band = new Mat(frame, new Rect(0, height - 16, width, 16));
        Assert.True(Cv2.Mean(band).Val0 < 128, $"band mean {Cv2.Mean(band).Val0:F0}");
        using var red = new Mat();
        Cv2.InRange(frame, new Scalar(0, 0, 150), new Scalar(120, 120, 255), red);
        var text = Cv2.BoundingRect(red);
        Assert.True(text.Width > width / 2 && text.Left >= 2 && text.Right <= width - 2, $"text spans {text} in a frame {width} wide");
    }

    /// <summary>The longest exercise names stay on the panel, in a webcam frame and in a narrow portrait one.</summary>
    [Theory]
    [InlineData(640, 480)]
    [InlineData(270, 480)]
    public void A_long_exercise_name_stays_on_the_panel_and_in_the_frame(int width, int height)
    {
        using var frame = new Mat(new Size(width, height), MatType.CV_8UC3, Scalar.All(255));
        var status = new LiveWorkout.Core.Recognition.RecognitionStatus { Label = "decline_bench_press", SetExercise = "decline_bench_press", Confidence = 0.89 };
        StatusOverlay.Draw(frame, status);

        // The title is drawn in the accent green; the panel is the darkened top left.
        using var green = new Mat();
        Cv2.InRange(frame, new Scalar(40, 150, 80), new Scalar(140, 255, 170), green);
        var title = Cv2.BoundingRect(green);
        Assert.True(title.Width > width / 3, $"title spans {title}");
        Assert.True(title.Right <= width - 2, $"title spans {title} in a frame {width} wide");
        var beyond = frame.At<Vec3b>(title.Top + title.Height / 2, Math.Min(width - 1, title.Right + 1));
        Assert.True(beyond.Item0 < 128, $"right of the title the frame is {beyond.Item0}: the panel ends before the name does");
    }
}
