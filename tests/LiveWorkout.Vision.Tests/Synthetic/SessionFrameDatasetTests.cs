using LiveWorkout.Core;
using LiveWorkout.Vision.Synthetic;

namespace LiveWorkout.Vision.Tests.Synthetic;

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
            using var session = new SyntheticSession(first.Seed, 64, 48, 30, 30, new SceneOptions(Effects: first.Activity != "clean", OcclusionChance: 0.05));
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
}
