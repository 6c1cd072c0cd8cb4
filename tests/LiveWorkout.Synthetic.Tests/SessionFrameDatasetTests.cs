using LiveWorkout.Core;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Vision.Preprocessing;
using LiveWorkout.Synthetic;
using OpenCvSharp;

namespace LiveWorkout.Synthetic.Tests;

public sealed class SessionFrameDatasetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-frames-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Frames_carry_their_sessions_timeline_label_and_sessions_never_span_splits()
    {
        var options = new SessionFramesOptions(Sessions: 6, Seed: 5, Width: 64, Height: 48, SessionSeconds: 30, EverySeconds: 1, Splits: [0.5, 0.25, 0.25]);
        var rows = SessionFrameDataset.Write(_dir, options);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(_dir, r.Path)), r.Path));
        Assert.All(rows, r => Assert.Contains(r.Class, ExerciseCatalog.All));
        Assert.All(rows.GroupBy(r => r.Group), g => Assert.Single(g.Select(r => r.Split).Distinct()));
        Assert.Equal(3, rows.Select(r => r.Split).Distinct().Count());

        // Every label is the one the session's own timeline gives at that frame's time.
        foreach (var group in rows.GroupBy(r => r.Seed).Take(2))
        {
            var first = group.First();
            using var session = new SyntheticSession(first.Seed, 64, 48, 30, 30, new SceneOptions(Effects: first.Activity != "clean", OcclusionChance: SceneOptions.SessionOcclusionChance));
            foreach (var row in group)
            {
                int frame = int.Parse(Path.GetFileNameWithoutExtension(row.Path).Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(session.Labels.LabelAt(TimeSpan.FromSeconds(session.TimeOf(frame))), row.Class);
            }
        }
        Assert.Contains(rows, r => r.Class == ExerciseCatalog.Idle);
        Assert.Contains(rows, r => r.Class != ExerciseCatalog.Idle);
    }

    [Fact]
    public void The_same_seed_writes_the_same_manifest()
    {
        var options = new SessionFramesOptions(Sessions: 2, Seed: 9, Width: 48, Height: 36, SessionSeconds: 12, EverySeconds: 2);
        SessionFrameDataset.Write(Path.Combine(_dir, "a"), options);
        SessionFrameDataset.Write(Path.Combine(_dir, "b"), options);
        Assert.Equal(File.ReadAllText(Path.Combine(_dir, "a", "manifest.csv")), File.ReadAllText(Path.Combine(_dir, "b", "manifest.csv")));
    }

    [Fact]
    public void With_a_region_the_same_frames_are_saved_as_the_trackers_square_crops_and_the_region_is_recorded()
    {
        var whole = new SessionFramesOptions(Sessions: 3, Seed: 8, Width: 160, Height: 120, SessionSeconds: 30, EverySeconds: 2, Splits: null);
        var wholeRows = SessionFrameDataset.Write(Path.Combine(_dir, "whole"), whole);
        var rows = SessionFrameDataset.Write(Path.Combine(_dir, "region"), whole with { Region = new RegionSpec(Expand: 1.5) });

        Assert.Equal(wholeRows.Select(r => (r.Path, r.Class)), rows.Select(r => (r.Path, r.Class)));
        Assert.Null(DatasetRegion.Read(Path.Combine(_dir, "whole")));
        Assert.Equal(new RegionSpec(Expand: 1.5), DatasetRegion.Read(Path.Combine(_dir, "region")));

        var sizes = rows.Select(r => { using var image = Cv2.ImRead(Path.Combine(_dir, "region", r.Path)); return image.Size(); }).ToList();
        Assert.All(sizes, size => Assert.True(size == new Size(160, 120) || size.Width == size.Height, $"{size} is neither the frame nor a square"));
        Assert.True(sizes.Count(s => s.Width == s.Height && s.Width < 120) > rows.Count / 2, "most frames should be crops once the person has moved");

        // The crop is exactly the region the tracker gives when it watches the session itself.
        var row = rows[^1];
        int index = int.Parse(Path.GetFileNameWithoutExtension(row.Path).Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
        using var session = new SyntheticSession(row.Seed, 160, 120, 30, 30, new SceneOptions(Effects: row.Activity != "clean", OcclusionChance: SceneOptions.SessionOcclusionChance));
        using var tracker = new MotionRegionTracker(new RegionSpec(Expand: 1.5));
        using var frame = new Mat();
        Rect? region = null;
        for (int i = 0; i <= index; i++)
        {
            session.Render(i, frame);
            region = tracker.Observe(frame, TimeSpan.FromSeconds(session.TimeOf(i)));
        }
        Assert.Equal(region!.Value.Size, sizes[^1]);
    }

    [Fact]
    public void The_occlusion_share_changes_scenes_but_not_timelines_or_labels()
    {
        var open = new SessionFramesOptions(Sessions: 3, Seed: 12, Width: 64, Height: 48, SessionSeconds: 12, EverySeconds: 3, Splits: null, Format: "png", CleanShare: 1, OcclusionChance: 0);
        var openRows = SessionFrameDataset.Write(Path.Combine(_dir, "open"), open);
        var rows = SessionFrameDataset.Write(Path.Combine(_dir, "occluded"), open with { OcclusionChance = 1 });

        Assert.Equal(openRows.Select(r => (r.Path, r.Class, r.Seed)), rows.Select(r => (r.Path, r.Class, r.Seed)));
        foreach (var session in rows.GroupBy(r => r.Group))
            Assert.Contains(session, r =>
            {
                using var a = Cv2.ImRead(Path.Combine(_dir, "open", r.Path));
                using var b = Cv2.ImRead(Path.Combine(_dir, "occluded", r.Path));
                return Cv2.Norm(a, b, NormTypes.L1) > 0;
            });

        var e = Assert.ThrowsAny<LiveWorkoutException>(() => SessionFrameDataset.Write(Path.Combine(_dir, "bad"), open with { OcclusionChance = 1.5 }));
        Assert.Contains("--occlusion", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_region_file_is_a_clear_error()
    {
        File.WriteAllText(Path.Combine(_dir, DatasetRegion.FileName), "{ not json");
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => DatasetRegion.Read(_dir));
        Assert.Contains("region.json", e.Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, DatasetRegion.FileName), """{ "expand": 0.5 }""");
        Assert.ThrowsAny<LiveWorkoutException>(() => DatasetRegion.Read(_dir));
    }
}
