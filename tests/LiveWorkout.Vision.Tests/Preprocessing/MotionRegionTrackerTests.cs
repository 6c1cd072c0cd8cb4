using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Preprocessing;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Vision.Tests.Preprocessing;

public sealed class MotionRegionTrackerTests
{
    private static TimeSpan At(int frame) => TimeSpan.FromSeconds(frame / 30.0);

    /// <summary>A grey 320x240 frame with a white block swinging left and right about (x, y).</summary>
    private static void Swing(Mat frame, int i, int x, int y)
    {
        frame.Create(240, 320, MatType.CV_8UC3);
        frame.SetTo(new Scalar(90, 90, 90));
        int dx = (int)Math.Round(20 * Math.Sin(i * 2 * Math.PI / 30));
        Cv2.Rectangle(frame, new Rect(x + dx - 10, y - 20, 20, 40), Scalar.All(255), -1);
    }

    [Fact]
    public void A_still_scene_has_no_region_and_motion_gets_a_square_around_it()
    {
        using var tracker = new MotionRegionTracker(new RegionSpec());
        using var frame = new Mat(240, 320, MatType.CV_8UC3, new Scalar(90, 90, 90));
        for (int i = 0; i < 60; i++) Assert.Null(tracker.Observe(frame, At(i)));

        for (int i = 60; i < 180; i++)
        {
            Swing(frame, i, x: 240, y: 170);
            tracker.Observe(frame, At(i));
        }
        var region = Assert.NotNull(tracker.Region);
        Assert.Equal(region.Width, region.Height);
        Assert.True(region.Width < 240, $"region {region} is not smaller than the frame");
        Assert.True(region.Width >= 0.35 * 240 - 1, $"region {region} is below the minimum side");
        Assert.True(region.X >= 0 && region.Y >= 0 && region.Right <= 320 && region.Bottom <= 240, $"region {region} leaves the frame");
        // The block sweeps x 210..270, y 150..190: all of it is inside.
        Assert.True(region.Contains(new Point(210, 150)) && region.Contains(new Point(269, 189)), $"region {region} misses the moving block");
    }

    [Fact]
    public void The_region_follows_a_person_who_moves_and_stays_when_they_stop()
    {
        using var tracker = new MotionRegionTracker(new RegionSpec());
        using var frame = new Mat();
        for (int i = 0; i < 240; i++) { Swing(frame, i, x: 70, y: 120); tracker.Observe(frame, At(i)); }
        var left = tracker.Region!.Value;
        for (int i = 240; i < 840; i++) { Swing(frame, i, x: 250, y: 120); tracker.Observe(frame, At(i)); }
        var right = tracker.Region!.Value;
        Assert.True(right.X > left.X + 60, $"region moved from {left} only to {right}");
        Assert.True(right.Contains(new Point(230, 110)), $"region {right} misses the block's new place");

        using var still = frame.Clone();
        for (int i = 840; i < 1500; i++) tracker.Observe(still, At(i));
        Assert.Equal(right.X, tracker.Region!.Value.X, tolerance: 10);
    }

    [Fact]
    public void Only_frames_on_its_time_grid_change_it_so_a_run_that_drops_others_gets_the_same_regions()
    {
        using var all = new MotionRegionTracker(new RegionSpec());
        using var some = new MotionRegionTracker(new RegionSpec());
        using var frame = new Mat();
        var rng = new Random(3);
        int compared = 0;
        for (int i = 0; i < 300; i++)
        {
            Swing(frame, i, x: 100 + i / 3, y: 120);
            var expected = all.Observe(frame, At(i));
            if (!some.Wants(At(i)) && rng.NextDouble() > 0.3) continue;
            Assert.Equal(expected, some.Observe(frame, At(i)));
            compared++;
        }
        Assert.NotNull(all.Region);
        Assert.InRange(compared, 60, 200);
    }

    [Fact]
    public void On_a_rendered_session_the_region_holds_the_person_and_zooms_in()
    {
        // A far camera (jumping jacks spanning 57% of the frame, 4.2 m away): the case the region is for.
        using var session = new SyntheticSession(seed: 59, width: 320, height: 240, durationSeconds: 40);
        using var tracker = new MotionRegionTracker(new RegionSpec());
        using var frame = new Mat();
        var coverage = new List<double>();
        var zoom = new List<double>();
        for (int i = 0; i < session.FrameCount; i++)
        {
            var time = TimeSpan.FromSeconds(session.TimeOf(i));
            bool inSet = session.Labels.LabelAt(time) != "idle";
            if (!tracker.Wants(time) && !(inSet && i % 15 == 0)) continue;
            var pose = session.Render(i, frame);
            var region = tracker.Observe(frame, time);
            if (!inSet || i % 15 != 0 || region is not { } r) continue;
            var points = pose.Joints.Select(j => session.Camera.Project(j)).ToList();
            double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X), y0 = points.Min(p => p.Y), y1 = points.Max(p => p.Y);
            double ix = Math.Max(0, Math.Min(x1, r.Right) - Math.Max(x0, r.X)), iy = Math.Max(0, Math.Min(y1, r.Bottom) - Math.Max(y0, r.Y));
            coverage.Add(ix * iy / Math.Max(1e-9, (x1 - x0) * (y1 - y0)));
            zoom.Add(240.0 / r.Height);
        }
        Assert.True(coverage.Count > 20, $"only {coverage.Count} frames in sets had a region");
        Assert.True(coverage.Average() > 0.85, $"the region covers {coverage.Average():0.00} of the person's joints box on average");
        Assert.True(zoom.Order().ElementAt(zoom.Count / 2) > 1.15, $"median zoom {zoom.Order().ElementAt(zoom.Count / 2):0.00}: the region hardly crops");
    }

    [Fact]
    public void A_new_frame_size_starts_over()
    {
        using var tracker = new MotionRegionTracker(new RegionSpec());
        using var frame = new Mat();
        for (int i = 0; i < 120; i++) { Swing(frame, i, x: 250, y: 120); tracker.Observe(frame, At(i)); }
        Assert.NotNull(tracker.Region);
        using var small = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(90));
        Assert.Null(tracker.Observe(small, At(121)));
    }
}
