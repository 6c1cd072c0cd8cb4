using System.Text.Json.Nodes;
using LiveWorkout.Cli;

namespace LiveWorkout.Tests.Commands;

public sealed class TrainLandmarksStepsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-steps-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Steps_set_both_heads_windows_and_a_window_shorter_than_the_look_ahead_is_one_line()
    {
        string trained = Path.Combine(_root, "model");
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["train-landmarks", "--out", trained, "--sessions", "6", "--duration-s", "30", "--steps", "8", "--device", "cpu"],
            new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(trained, "model.json")))!;
        Assert.Equal(8, (int)manifest["temporalHead"]!["steps"]!);
        Assert.Equal(8, (int)manifest["phaseHead"]!["steps"]!);

        // Five steps are the second after the frame: three cannot hold it.
        error = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync(["train-landmarks", "--out", Path.Combine(_root, "short"), "--sessions", "4", "--steps", "3", "--device", "cpu"],
            new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("--steps", lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "short")));
    }

    [Fact]
    public async Task More_exercises_are_written_to_the_package_and_a_package_that_cannot_be_added_is_refused_before_training()
    {
        string models = Path.Combine(Checkout.Root(), "models");
        string trained = Path.Combine(_root, "mine");
        string[] common = ["train-landmarks", "--sessions", "4", "--duration-s", "30", "--device", "cpu", "--pose-models", Path.GetRelativePath(trained, Path.Combine(models, "pose"))];

        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync([.. common, "--out", trained, "--more-exercises", "../nowhere"], new StringWriter(), error);
        Assert.NotEqual(0, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("--more-exercises", lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(trained));

        error = new StringWriter();
        code = await LiveWorkoutCli.InvokeAsync([.. common, "--out", trained, "--more-exercises", Path.GetRelativePath(trained, Path.Combine(models, "landmarks-all"))],
            new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        using var package = LiveWorkout.Learning.Packaging.ModelPackage.Load(trained);
        Assert.Equal(Core.ExerciseCatalog.Ten, package.Manifest.Classes);
        Assert.Equal(Core.ExerciseCatalog.All, package.Classes);
    }

    [Theory]
    [InlineData("squat")]
    [InlineData("bench_press,cartwheel")]
    public async Task Exercises_learnt_as_idle_that_are_the_models_own_or_unknown_are_one_line_before_training(string idle)
    {
        string trained = Path.Combine(_root, "idle");
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["train-landmarks", "--out", trained, "--sessions", "4", "--device", "cpu", "--idle-exercises", idle],
            new StringWriter(), error);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("--idle-exercises", lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(trained));
    }
}
