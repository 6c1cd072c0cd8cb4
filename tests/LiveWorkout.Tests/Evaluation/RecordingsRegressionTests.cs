using System.Globalization;
using System.Text.Json;
using LiveWorkout.Cli;
using LiveWorkout.Core.Annotations;

namespace LiveWorkout.Tests.Evaluation;

/// <summary>
/// The shipped models on the shipped demo recordings, through the real pipeline
/// (`replay recordings --evaluate --model M`): recognition quality must not fall below the
/// thresholds here, which leave room for one set more wrong than measured (float results differ a
/// little between machines and devices). Missing models or recordings fail the test: they are
/// part of the product, not optional extras.
/// </summary>
public sealed class RecordingsRegressionTests
{
    // Measured with the shipped models/pixels: the person-region CNN with a temporal and a phase
    // head that also see motion. Each threshold leaves one set of slack.

    /// <summary>Pooled set F1 at temporal IoU ≥ 0.5 with the right exercise (measured 0.966: 14 found, 1 spurious, none missed).</summary>
    public const double MinSetF1 = 0.93;

    /// <summary>Pooled share of labelled sets (with reps) matched and counted within one rep (measured 0.923, 12 of 13: a push-up set split in two counts 6 of 10).</summary>
    public const double MinRepOffByOneAccuracy = 0.84;

    /// <summary>Share of labelled sets found with start and end within 1 s and reps within one (measured 12/14).</summary>
    public const double MinSetsRight = 0.78;

    [Fact]
    public Task Pixel_model_on_the_demo_recordings_stays_above_the_thresholds() =>
        Check("pixels", "model.dat", MinSetF1, MinRepOffByOneAccuracy, MinSetsRight);

    /// <summary>
    /// The default landmark model, measured 9 of 14 sets right, set F1 0.769 (10 found, 2 spurious,
    /// 4 missed: a curl, a lunge, a sit-up set and the plank), rep off-by-one 0.769 (10 of 13).
    /// </summary>
    [Fact]
    public Task Default_landmark_model_on_the_demo_recordings_stays_above_the_thresholds() =>
        Check("landmarks", "temporal.dat", minSetF1: 0.70, minRepOffByOne: 0.69, minSetsRight: 0.57);

    private static async Task Check(string name, string weights, double minSetF1, double minRepOffByOne, double minSetsRight)
    {
        string root = Checkout.Root();
        string model = Path.Combine(root, "models", name);
        string recordings = Path.Combine(root, "recordings");
        if (!File.Exists(Path.Combine(model, "model.json")) || !File.Exists(Path.Combine(model, weights)))
            Assert.Fail($"no model package at {model} (model.json + {weights}): train it with the command in docs/training.md and commit it");
        var clips = Directory.Exists(recordings) ? Directory.GetFiles(recordings, "*.mp4").Order(StringComparer.Ordinal).ToList() : [];
        if (clips.Count == 0)
            Assert.Fail($"no demo recordings (*.mp4) in {recordings}: add the demo clip with its <clip>.labels.csv");
        var unlabelled = clips.Where(c => !File.Exists(ClipAnnotation.PathFor(c))).Select(Path.GetFileName).ToList();
        if (unlabelled.Count > 0)
            Assert.Fail($"recordings without labels: {string.Join(", ", unlabelled)} (each needs <clip>.labels.csv beside it)");

        string json = Path.Combine(Directory.CreateTempSubdirectory("lw-regression-").FullName, "scores.json");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = await LiveWorkoutCli.InvokeAsync(["replay", recordings, "--evaluate", "--model", model, "--json", json], output, error);
            Assert.True(code == ExitCodes.Ok, $"replay --evaluate exited with {code}: {error}");

            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var total = doc.RootElement.GetProperty("total");
            double setF1 = total.GetProperty("sets").GetProperty("f1").GetDouble();
            var obo = total.GetProperty("reps").GetProperty("offByOneAccuracy");
            string scores = $"{output}";
            Assert.True(setF1 >= minSetF1, string.Create(CultureInfo.InvariantCulture, $"set F1 {setF1:0.000} fell below {minSetF1:0.000}:\n{scores}"));
            Assert.True(obo.ValueKind == JsonValueKind.Number, $"no labelled set with reps in the recordings, so rep counting is not checked:\n{scores}");
            Assert.True(obo.GetDouble() >= minRepOffByOne,
                string.Create(CultureInfo.InvariantCulture, $"rep off-by-one accuracy {obo.GetDouble():0.000} fell below {minRepOffByOne:0.000}:\n{scores}"));
            double setsRight = total.GetProperty("setsRight").GetProperty("share").GetDouble();
            Assert.True(setsRight >= minSetsRight,
                string.Create(CultureInfo.InvariantCulture, $"sets right {setsRight:0.000} fell below {minSetsRight:0.000}:\n{scores}"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(json)!, recursive: true);
        }
    }
}
