using System.Text.Json.Nodes;
using LiveWorkout.Cli;

namespace LiveWorkout.Tests.Commands;

public sealed class PoseDataCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-posedata-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Synth_pose_writes_rendered_sessions_that_train_landmarks_learns_from_beside_the_joints()
    {
        string data = Path.Combine(_root, "pose");
        string model = Path.Combine(Checkout.Root(), "models", "landmarks");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["synth", "pose", "--out", data, "--sessions", "2", "--seed", "9020", "--duration-s", "10", "--model", model], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Equal(["9020.pose", "9021.pose"], Directory.GetFiles(data).Select(Path.GetFileName).Order());

        // A second run keeps what is there and renders only what is missing.
        File.Delete(Path.Combine(data, "9021.pose"));
        output = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["synth", "pose", "--out", data, "--sessions", "2", "--seed", "9020", "--duration-s", "10", "--model", model], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("1 already in", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("wrote 1 sessions", output.ToString(), StringComparison.Ordinal);

        string trained = Path.Combine(_root, "model");
        output = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["train-landmarks", "--out", trained, "--sessions", "4", "--duration-s", "10", "--epochs", "1", "--phase-epochs", "0",
            "--pose-data", data, "--device", "cpu"], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("2 clips as the pose stage saw them", output.ToString(), StringComparison.Ordinal);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(trained, "model.json")))!.ToJsonString();
        Assert.Contains("2 clips seen by the pose stage from pose", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_pose_data_folder_or_a_pixel_model_is_one_line()
    {
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["train-landmarks", "--out", Path.Combine(_root, "m"), "--sessions", "2", "--duration-s", "10", "--epochs", "1",
            "--pose-data", Path.Combine(_root, "nowhere"), "--device", "cpu"], new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("synth pose", lines[0], StringComparison.Ordinal);

        error = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["synth", "pose", "--out", Path.Combine(_root, "p"), "--sessions", "1", "--model", Path.Combine(Checkout.Root(), "models", "pixels")],
            new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("pixel model", lines[0], StringComparison.Ordinal);
    }
}
