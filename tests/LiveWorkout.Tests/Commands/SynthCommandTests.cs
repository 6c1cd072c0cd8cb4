using LiveWorkout.Cli;

namespace LiveWorkout.Tests.Commands;

public sealed class SynthCommandTests
{
    [Fact]
    public async Task Synth_images_writes_a_dataset_whose_groups_never_span_two_splits()
    {
        string root = Directory.CreateTempSubdirectory("lw-synth-cmd-").FullName;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = await LiveWorkoutCli.InvokeAsync(["synth", "images", "--out", root, "--per-class", "20", "--seed", "3", "--size", "64x48"], output, error);
            Assert.True(code == 0, error.ToString());

            var rows = File.ReadAllLines(Path.Combine(root, "manifest.csv"));
            Assert.StartsWith("path,class,split,group,seed,person,camera", rows[0], StringComparison.Ordinal);
            var records = rows.Skip(1).Select(r => r.Split(',')).ToList();
            Assert.Equal(11 * 20, records.Count);
            foreach (var r in records)
            {
                Assert.True(File.Exists(Path.Combine(root, r[0])), r[0]);
                Assert.StartsWith($"{r[2]}/{r[1]}/", r[0], StringComparison.Ordinal);
            }
            foreach (var group in records.GroupBy(r => r[3]))
                Assert.Single(group.Select(r => r[2]).Distinct());
            Assert.Equal(["test", "train", "validation"], records.Select(r => r[2]).Distinct().Order());
            // Test people are not train people.
            var trainPeople = records.Where(r => r[2] == "train").Select(r => r[5]).ToHashSet();
            Assert.DoesNotContain(records.Where(r => r[2] == "test"), r => trainPeople.Contains(r[5]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Synth_clips_view_moves_the_camera_not_the_session()
    {
        string root = Directory.CreateTempSubdirectory("lw-synth-view-").FullName;
        try
        {
            async Task<string> Clip(string view)
            {
                string folder = Path.Combine(root, view);
                var error = new StringWriter();
                int code = await LiveWorkoutCli.InvokeAsync(["synth", "clips", "--out", folder, "--seed", "5", "--size", "64x48", "--duration-s", "2", "--clean", "--view", view], new StringWriter(), error);
                Assert.True(code == 0, error.ToString());
                return folder;
            }
            string front = await Clip("front"), side = await Clip("side"), threeQuarter = await Clip("three-quarter");

            foreach (string other in new[] { side, threeQuarter })
            {
                Assert.Equal(File.ReadAllText(Path.Combine(front, "synth-000.labels.csv")), File.ReadAllText(Path.Combine(other, "synth-000.labels.csv")));
                Assert.NotEqual(File.ReadAllBytes(Path.Combine(front, "synth-000.mp4")), File.ReadAllBytes(Path.Combine(other, "synth-000.mp4")));
            }

            var refused = new StringWriter();
            Assert.Equal(ExitCodes.BadConfiguration, await LiveWorkoutCli.InvokeAsync(["synth", "clips", "--out", root, "--view", "sideways"], new StringWriter(), refused));
            Assert.Contains("sideways", refused.ToString().Split('\n')[0], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("--size", "12x")]
    [InlineData("--splits", "0.5,0.1")]
    public async Task Bad_options_give_one_line_errors(string option, string value)
    {
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["synth", "images", "--out", Path.GetTempPath(), option, value], new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Single(error.ToString().Trim().Split('\n'));
    }
}
