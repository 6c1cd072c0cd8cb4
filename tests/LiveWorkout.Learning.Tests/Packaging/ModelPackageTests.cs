using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Packaging;

public sealed class ModelPackageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lw-pkg-" + Guid.NewGuid().ToString("N"));
    private static readonly string[] ThreeClasses = ["squat", "push_up", "idle"];
    private static readonly InputSpec Small = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 32, Height = 32 };

    [Fact]
    public void Save_then_load_gives_identical_outputs_and_manifest()
    {
        using var package = ModelPackage.Create(ModelZoo.OursName, ThreeClasses, Small with { Masks = [new MaskRegion(0, 0, 0.3, 0.1), new MaskRegion(0, 0.8, 1, 0.2)], Region = new RegionSpec(Expand: 2, MemorySeconds: 4) });
        package.Describe(new TrainingDataSummary("data", "images", [new SplitCounts("train", new Dictionary<string, int> { ["squat"] = 3 })], 1), new Dictionary<string, double> { ["test_accuracy"] = 0.5 });
        package.Save(_folder);
        using var loaded = ModelPackage.Load(_folder);

        Assert.Equal(ThreeClasses, loaded.Classes);
        Assert.Equal(package.Input.Masks!, loaded.Input.Masks!);
        Assert.Equal(package.Input.Mean, loaded.Input.Mean);
        Assert.Equal(new RegionSpec(Expand: 2, MemorySeconds: 4), loaded.Input.Region);
        Assert.Equal(0.5, loaded.Manifest.Metrics["test_accuracy"]);
        Assert.Equal(3, loaded.Manifest.TrainingData!.Splits[0].PerClass["squat"]);

        package.Network.eval();
        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        random.manual_seed(3);
        var x = randn(4, 3, 32, 32);
        Assert.True(package.Network.call(x).equal(loaded.Network.call(x)).all().item<bool>());
    }

    [Fact]
    public void Missing_weights_fail_with_one_line()
    {
        using (var package = ModelPackage.Create(ModelZoo.OursName, ThreeClasses, Small)) package.Save(_folder);
        File.Delete(Path.Combine(_folder, ModelPackage.WeightsFile));
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(_folder));
        Assert.Contains("model.dat", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_folder_fails_clearly() =>
        Assert.Contains("not found", Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(_folder)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("architecture", "\"resnet999\"", "resnet999")]
    [InlineData("formatVersion", "99", "newer")]
    [InlineData("classes", "[\"a\",\"b\"]", "does not match")]
    [InlineData("architecture", "\"kimcnn\"", "does not match")]
    public void A_manifest_that_does_not_match_fails_with_one_line(string key, string json, string expected)
    {
        using (var package = ModelPackage.Create(ModelZoo.OursName, ThreeClasses, Small)) package.Save(_folder);
        string path = Path.Combine(_folder, ModelPackage.ManifestFile);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node[key] = JsonNode.Parse(json);
        File.WriteAllText(path, node.ToJsonString());
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(_folder));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_input_size_the_layers_cannot_take_is_refused()
    {
        var spec = ModelZoo.Get(ModelZoo.KimCnnName).Input with { Width = 64, Height = 64 };
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Create(ModelZoo.KimCnnName, ThreeClasses, spec));
        Assert.Contains("100x100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_a_model_on_data_with_classes_it_does_not_know_fails_with_one_line()
    {
        using var data = new TinyDataset(perClass: 3);
        using (var package = ModelPackage.Create(ModelZoo.OursName, ["circle", "square"], Small)) package.Save(_folder);

        var e = Assert.ThrowsAny<LiveWorkoutException>(() => new LiveWorkout.Learning.Evaluation.ModelEvaluation(TextWriter.Null)
            .Run(_folder, data.Root, Path.Combine(_folder, "report"), "cpu", workers: 1, framesPerSecond: 2, CancellationToken.None));

        Assert.Contains("classes the model does not know: triangle", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
