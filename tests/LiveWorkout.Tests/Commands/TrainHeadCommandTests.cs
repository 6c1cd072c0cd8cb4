using System.Text.Json;
using LiveWorkout.Cli;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Packaging;
using LiveWorkout.Tests.Evaluation;

namespace LiveWorkout.Tests.Commands;

public sealed class TrainHeadCommandTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    private sealed record Run(int Code, string Output, string Error);

    private static async Task<Run> Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync([.. args, "--device", "cpu"], output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Train_head_writes_a_package_whose_replay_classifies_every_frame_of_each_clip()
    {
        string folder = fixture.NewFolder("head");
        string model = Path.Combine(folder, "model"), cache = Path.Combine(folder, "cache");

        var train = await Invoke("train-head", "--model", fixture.ModelPath, "--clips", fixture.ClipFolder, "--out", model, "--epochs", "2", "--phase-epochs", "2", "--cache", cache);

        Assert.True(train.Code == ExitCodes.Ok, train.Error);
        Assert.Contains("with the temporal head", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(model, ModelPackage.TemporalHeadFile)));
        // The fixture's clips are synthetic, with rep times: the package gets a phase head too.
        Assert.Contains("phase head: validation error", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(model, ModelPackage.PhaseHeadFile)));
        using (var trained = ModelPackage.Load(model))
        {
            // By default both heads see motion beside the embeddings.
            Assert.Equal(MotionSpec.Default, trained.Manifest.TemporalHead!.Motion);
            Assert.Equal(MotionSpec.Default, trained.Manifest.PhaseHead!.Motion);
            Assert.Equal(3, trained.Manifest.FormatVersion);
        }
        Assert.Equal(fixture.Clips.Count, Directory.GetFiles(cache, "*.emb").Length);
        Assert.Contains($"(0 of {fixture.Clips.Count} clips from the cache)", train.Output, StringComparison.Ordinal);

        // Another process finds the embeddings again (its cache file names must not depend on the process).
        var again = AppProcess.Run(["train-head", "--model", fixture.ModelPath, "--clips", fixture.ClipFolder, "--out", Path.Combine(folder, "model2"), "--epochs", "1", "--cache", cache, "--device", "cpu"]);
        Assert.True(again.ExitCode == ExitCodes.Ok, again.Error);
        Assert.Contains($"({fixture.Clips.Count} of {fixture.Clips.Count} clips from the cache)", again.Output, StringComparison.Ordinal);
        Assert.Equal(fixture.Clips.Count, Directory.GetFiles(cache, "*.emb").Length);

        string json = Path.Combine(folder, "scores.json");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["replay", fixture.ClipFolder, "--evaluate", "--json", json, "--model", model, "--device", "cpu"], output, error);

        Assert.True(code == ExitCodes.Ok, error.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var total = doc.RootElement.GetProperty("total");
        // The head holds each frame back for its look-ahead; the end of each clip releases the rest.
        Assert.Equal(fixture.Clips.Sum(c => c.Frames), total.GetProperty("frames").GetProperty("frames").GetInt64());
        Assert.Equal(fixture.Clips.Sum(c => c.Frames), total.GetProperty("classifier").GetProperty("frames").GetInt64());
    }

    [Theory]
    [InlineData("look-ahead", ExitCodes.BadConfiguration)]
    [InlineData("motion-grid", ExitCodes.BadConfiguration)]
    [InlineData("motion-grid-too-fine", ExitCodes.BadConfiguration)]
    [InlineData("no-clips", ExitCodes.BadConfiguration)]
    [InlineData("no-model", ExitCodes.Failed)]
    public async Task Bad_requests_are_one_line(string kind, int exitCode)
    {
        string folder = fixture.NewFolder("head-bad-" + kind);
        string[] args = kind switch
        {
            "look-ahead" => ["train-head", "--model", fixture.ModelPath, "--clips", fixture.ClipFolder, "--out", folder, "--look-ahead-s", "9"],
            "motion-grid" => ["train-head", "--model", fixture.ModelPath, "--clips", fixture.ClipFolder, "--out", folder, "--motion-grid", "-1"],
            "motion-grid-too-fine" => ["train-head", "--model", fixture.ModelPath, "--clips", fixture.ClipFolder, "--out", folder, "--motion-grid", "32"],
            "no-clips" => ["train-head", "--model", fixture.ModelPath, "--clips", folder, "--out", Path.Combine(folder, "m")],
            _ => ["train-head", "--model", Path.Combine(folder, "missing"), "--clips", fixture.ClipFolder, "--out", Path.Combine(folder, "m")],
        };
        var run = await Invoke(args);
        Assert.Equal(exitCode, run.Code);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
