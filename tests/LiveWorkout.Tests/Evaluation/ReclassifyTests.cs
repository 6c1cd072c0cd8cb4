using LiveWorkout.Cli;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Pipeline.Evaluation;
using LiveWorkout.Synthetic;

namespace LiveWorkout.Tests.Evaluation;

/// <summary>`replay --evaluate --from-predictions --reclassify`: a landmark model's heads run again on saved landmark features.</summary>
public sealed class ReclassifyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-reclassify-").FullName;
    private static string Landmarks => Path.Combine(Checkout.Root(), "models", "landmarks");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Replay(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(["replay", .. args, "--device", "cpu"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Saved_landmark_features_classified_again_give_the_whole_pipelines_frames_without_its_saved_probabilities()
    {
        // One synthetic set (knee push-ups) large enough for the pose stage to find the person.
        string clips = Directory.CreateDirectory(Path.Combine(_root, "clips")).FullName;
        SyntheticClipWriter.Write(Path.Combine(clips, "session.mp4"), SeedMix.Of(1, 58), new ClipOptions(320, 240, 12, 30));
        string saved = Path.Combine(_root, "saved"), whole = Path.Combine(_root, "whole"), again = Path.Combine(_root, "again"), stale = Path.Combine(_root, "stale"), kept = Path.Combine(_root, "kept");

        var run = await Replay(clips, "--evaluate", "--model", Landmarks, "--save-predictions", saved, "--trace", whole);
        Assert.True(run.Code == ExitCodes.Ok, run.Error);

        // Spoil the saved probabilities and phases: only the features are left to go on.
        string file = Path.Combine(saved, "session.predictions");
        var record = PredictionLog.Read(file);
        Assert.Contains(record.Predictions, p => p.Embedding[^1] > 0); // the person was found
        float uniform = 1f / record.Classes.Count;
        PredictionLog.Write(file, record with
        {
            Predictions = [.. record.Predictions.Select(p => p with { Probabilities = [.. p.Probabilities.Select(_ => uniform)], RepPhase = [1f, 0f] })],
        });

        run = await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", saved, "--reclassify", "--trace", again, "--save-predictions", kept);
        Assert.True(run.Code == ExitCodes.Ok, run.Error);
        run = await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", saved, "--trace", stale);
        Assert.True(run.Code == ExitCodes.Ok, run.Error);

        string trace = FrameTrace.FileName("session.mp4");
        string expected = File.ReadAllText(Path.Combine(whole, trace));
        Assert.Equal(expected, File.ReadAllText(Path.Combine(again, trace)));
        Assert.NotEqual(expected, File.ReadAllText(Path.Combine(stale, trace)));

        // The new predictions kept: the whole pipeline's probabilities again, beside the same features.
        var reclassified = PredictionLog.Read(Path.Combine(kept, "session.predictions"));
        Assert.Equal(record.Predictions.Count, reclassified.Predictions.Count);
        for (int i = 0; i < record.Predictions.Count; i++)
        {
            Assert.Equal(record.Predictions[i].Embedding, reclassified.Predictions[i].Embedding);
            for (int c = 0; c < record.Classes.Count; c++)
                Assert.InRange(reclassified.Predictions[i].Probabilities[c] - record.Predictions[i].Probabilities[c], -1e-4f, 1e-4f);
        }
    }

    [Fact]
    public async Task Exact_synthetic_landmarks_are_scored_by_reclassifying_and_refused_otherwise()
    {
        string clips = Directory.CreateDirectory(Path.Combine(_root, "clips")).FullName;
        SyntheticClipWriter.Write(Path.Combine(clips, "session.mp4"), SeedMix.Of(1, 58), new ClipOptions(160, 120, 12, 30, ExactLandmarks: true));
        string exact = Path.Combine(clips, SyntheticClipWriter.ExactLandmarksFolder), json = Path.Combine(_root, "exact.json");

        var refused = await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", exact);
        Assert.Equal(ExitCodes.Failed, refused.Code);
        Assert.Contains("--reclassify", Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        var run = await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", exact, "--reclassify", "--json", json);
        Assert.True(run.Code == ExitCodes.Ok, run.Error);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        double accuracy = report.RootElement.GetProperty("total").GetProperty("frames").GetProperty("accuracy").GetDouble();
        Assert.True(accuracy > 0.8, $"frame accuracy {accuracy:0.000} on the exact landmarks");
    }

    [Theory]
    [InlineData("without-from-predictions")]
    [InlineData("pixel-model")]
    [InlineData("pixel-features")]
    [InlineData("saved-again-without-reclassify")]
    [InlineData("saved-over-what-is-read")]
    public async Task What_cannot_be_classified_again_is_one_line(string kind)
    {
        string clips = Directory.CreateDirectory(Path.Combine(_root, "clips")).FullName;
        SyntheticClipWriter.Write(Path.Combine(clips, "session.mp4"), SeedMix.Of(1, 58), new ClipOptions(64, 48, 3, 30));
        string saved = Path.Combine(_root, "saved");
        string pixels = Path.Combine(Checkout.Root(), "models", "pixels");
        if (kind == "pixel-features")
            Assert.Equal(ExitCodes.Ok, (await Replay(clips, "--evaluate", "--model", pixels, "--save-predictions", saved)).Code);

        var run = kind switch
        {
            "without-from-predictions" => await Replay(clips, "--evaluate", "--model", Landmarks, "--reclassify"),
            "pixel-model" => await Replay(clips, "--evaluate", "--model", pixels, "--from-predictions", saved, "--reclassify"),
            "saved-again-without-reclassify" => await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", saved, "--save-predictions", Path.Combine(_root, "other")),
            "saved-over-what-is-read" => await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", saved, "--reclassify", "--save-predictions", saved + Path.DirectorySeparatorChar),
            _ => await Replay(clips, "--evaluate", "--model", Landmarks, "--from-predictions", saved, "--reclassify"),
        };

        Assert.Equal(kind == "pixel-features" ? ExitCodes.Failed : ExitCodes.BadConfiguration, run.Code);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(kind switch
        {
            "without-from-predictions" => "--from-predictions",
            "pixel-model" => "pixel model",
            "saved-again-without-reclassify" => "goes with --reclassify",
            "saved-over-what-is-read" => "another folder",
            _ => "landmark features",
        }, line, StringComparison.Ordinal);
    }
}
