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
    public void A_region_gives_exactly_what_its_crop_saved_as_an_image_gives_and_masks_stay_on_the_frame()
    {
        // What synth frames --region saves (the crop) and what replay feeds the model (the frame
        // with its region) must be the same input.
        using var frame = new Mat(240, 320, MatType.CV_8UC3);
        Cv2.Randu(frame, Scalar.All(0), Scalar.All(255));
        var spec = new InputSpec(112, 112, ColorMode.Rgb, [0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f], Region: new RegionSpec());
        var region = new Rect(150, 60, 130, 130);
        using var pre = new FramePreprocessor(spec);
        using var crop = frame[region].Clone();
        Assert.Equal(pre.Process(crop), ProcessRegion(pre, frame, region));
        Assert.NotEqual(pre.Process(frame), ProcessRegion(pre, frame, region));

        // A caption mask over the frame's right half blanks the crop's part of it only: the crop
        // spans x 150..280, so its columns from x 160 on (from 10/130 of its width) are masked.
        var masked = spec with { Masks = [new MaskRegion(0.5, 0, 0.5, 1)] };
        using var maskedPre = new FramePreprocessor(masked);
        float[] m = ProcessRegion(maskedPre, frame, region);
        float blank = (0 - 0.5f) / 0.25f;
        Assert.Equal(blank, m[50 * 112 + 100]);
        Assert.NotEqual(blank, m[50 * 112 + 2]);
    }

    private static float[] ProcessRegion(FramePreprocessor pre, Mat frame, Rect region)
    {
        var data = new float[pre.Length];
        pre.Process(frame, data, region);
        return data;
    }

    [Fact]
    public void In_a_sequence_a_spec_without_a_region_takes_whole_frames_and_one_with_a_region_crops_once_there_is_motion()
    {
        using var frame = new Mat(240, 320, MatType.CV_8UC3, Scalar.All(90));
        var whole = new InputSpec(56, 56, ColorMode.Rgb, Zero3, One3);
        using var plain = new FramePreprocessor(whole);
        using var tracked = new FramePreprocessor(whole with { Region = new RegionSpec() });
        var data = new float[plain.Length];
        for (int i = 0; i < 90; i++)
        {
            frame.SetTo(Scalar.All(90));
            Cv2.Circle(frame, new Point(260 + (i % 12 < 6 ? 15 : -15), 60), 12, Scalar.All(250), -1);
            plain.ProcessInSequence(frame, TimeSpan.FromSeconds(i / 30.0), data);
            Assert.Equal(plain.Process(frame), data);
            tracked.ProcessInSequence(frame, TimeSpan.FromSeconds(i / 30.0), data);
        }
        Assert.Null(plain.Region);
        var region = Assert.NotNull(tracked.Region);
        Assert.Equal(ProcessRegion(tracked, frame, region), data);
        Assert.True(region.Contains(new Point(260, 60)) && region.Width < 240, $"region {region}");
    }

    [Fact]
    public void An_empty_frame_is_a_clear_error()
    {
        using var pre = new FramePreprocessor(new InputSpec(8, 8, ColorMode.Gray, [0f], [1f]));
        using var empty = new Mat();
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => pre.Process(empty));
        Assert.Contains("empty frame", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_spec_is_refused()
    {
        Assert.ThrowsAny<LiveWorkoutException>(() => new FramePreprocessor(new InputSpec(8, 8, ColorMode.Rgb, [0f], [1f])));
        Assert.ThrowsAny<LiveWorkoutException>(() => new FramePreprocessor(new InputSpec(8, 8, ColorMode.Gray, [0f], [0f])));
    }
}
