using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Preprocessing;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Preprocessing;

public sealed class FramePreprocessorTests
{
    private static readonly float[] Zero3 = [0f, 0f, 0f];
    private static readonly float[] One3 = [1f, 1f, 1f];

    [Fact]
    public void Rgb_output_is_chw_in_rgb_order_and_normalised()
    {
        using var frame = new Mat(4, 6, MatType.CV_8UC3, new Scalar(255, 0, 51)); // B=255, G=0, R=51
        var spec = new InputSpec(3, 2, ColorMode.Rgb, [0.2f, 0f, 0.5f], [0.1f, 1f, 0.5f]);
        using var pre = new FramePreprocessor(spec);
        float[] data = pre.Process(frame);
        Assert.Equal(3 * 2 * 3, data.Length);
        Assert.All(data[..6], v => Assert.Equal((51 / 255f - 0.2f) / 0.1f, v, 4)); // R plane
        Assert.All(data[6..12], v => Assert.Equal(0f, v, 4));                      // G plane
        Assert.All(data[12..], v => Assert.Equal((1f - 0.5f) / 0.5f, v, 4));         // B plane
    }

    [Fact]
    public void Gray_output_has_one_plane_of_luma()
    {
        using var frame = new Mat(10, 10, MatType.CV_8UC3, new Scalar(100, 100, 100));
        using var pre = new FramePreprocessor(new InputSpec(5, 5, ColorMode.Gray, [0f], [1f]));
        float[] data = pre.Process(frame);
        Assert.Equal(25, data.Length);
        Assert.All(data, v => Assert.Equal(100 / 255f, v, 3));
    }

    [Fact]
    public void Center_crop_keeps_the_middle_and_the_mask_blanks_its_region()
    {
        // 200x100 frame: left quarter red, the rest green; a centred square crop sees only green.
        using var frame = new Mat(100, 200, MatType.CV_8UC3, new Scalar(0, 255, 0));
        using (var left = new Mat(frame, new Rect(0, 0, 50, 100))) left.SetTo(new Scalar(0, 0, 255));
        using var crop = new FramePreprocessor(new InputSpec(10, 10, ColorMode.Rgb, Zero3, One3, ResizeMode.CenterCrop));
        float[] data = crop.Process(frame);
        Assert.All(data[..100], v => Assert.Equal(0f, v, 3));     // no red
        Assert.All(data[100..200], v => Assert.Equal(1f, v, 3));  // all green

        // Masking the top-left 10% x 20% (a caption) and the bottom fifth (a lower-third title)
        // zeroes both after a stretch resize.
        var masked = new InputSpec(20, 10, ColorMode.Rgb, Zero3, One3, ResizeMode.Stretch,
            [new MaskRegion(0, 0, 0.1, 0.2), new MaskRegion(0, 0.8, 1, 0.2)]);
        using var pre = new FramePreprocessor(masked);
        float[] m = pre.Process(frame);
        Assert.Equal(0f, m[0]);                     // red plane, (0,0) masked
        Assert.Equal(1f, m[5 * 20 + 0], 3);         // red plane, (0,5) still red
        Assert.Equal(1f, m[200 + 7 * 20 + 10], 3);  // green plane, (10,7) still green
        Assert.Equal(0f, m[200 + 8 * 20 + 10]);     // green plane, (10,8) in the bottom band
    }

    [Fact]
    public void Same_frame_gives_identical_output_across_calls_and_instances()
    {
        using var frame = new Mat(48, 64, MatType.CV_8UC3);
        Cv2.Randu(frame, Scalar.All(0), Scalar.All(255));
        var spec = new InputSpec(32, 24, ColorMode.Rgb, [0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]);
        using var a = new FramePreprocessor(spec);
        using var b = new FramePreprocessor(spec);
        Assert.Equal(a.Process(frame), a.Process(frame));
        Assert.Equal(a.Process(frame), b.Process(frame));
    }

    [Fact]
    public void An_empty_frame_is_a_clear_error()
    {
        using var pre = new FramePreprocessor(new InputSpec(8, 8, ColorMode.Gray, [0f], [1f]));
        using var empty = new Mat();
        var e = Assert.Throws<LiveWorkoutException>(() => pre.Process(empty));
        Assert.Contains("empty frame", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_spec_is_refused()
    {
        Assert.Throws<LiveWorkoutException>(() => new FramePreprocessor(new InputSpec(8, 8, ColorMode.Rgb, [0f], [1f])));
        Assert.Throws<LiveWorkoutException>(() => new FramePreprocessor(new InputSpec(8, 8, ColorMode.Gray, [0f], [0f])));
    }
}
