using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Models;

public sealed class ModelZooTests(ITestOutputHelper output)
{
    [Fact]
    public void KimCnn_with_four_classes_has_the_papers_parameter_count()
    {
        using var model = ModelZoo.Create(ModelZoo.KimCnnName, 4);
        Assert.Equal(1_291_972, model.parameters().Sum(p => p.numel()));
    }

    [Theory]
    // LeNet: 6*(121+1) + 16*(150+1) + 33856*120+120 + 120*84+84 + 84*22+22 = 732 + 2416 + 4062840 + 10164 + 1870
    [InlineData(ModelZoo.LeNetName, 22, 200, 200, 4_078_022L)]
    // AlexNet: convs 11712+614656+885120+1327488+884992, FC 26218496+16781312+90134
    [InlineData(ModelZoo.AlexNetName, 22, 224, 224, 46_813_910L)]
    public void Seed_one_models_have_their_shapes_and_parameter_counts(string name, int classes, int height, int width, long parameters)
    {
        using var model = ModelZoo.Create(name, classes);
        Assert.Equal(parameters, model.parameters().Sum(p => p.numel()));
        model.eval();
        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        var y = model.call(zeros(2, 1, height, width));
        Assert.Equal(new long[] { 2, classes }, y.shape);
    }

    [Theory]
    [InlineData(ModelZoo.LeNetName)]
    [InlineData(ModelZoo.AlexNetName)]
    [InlineData(ModelZoo.KimCnnName)]
    [InlineData(ModelZoo.OursName)]
    public void Every_model_is_classify_of_embed(string name)
    {
        var spec = ModelZoo.Get(name).Input;
        using var model = ModelZoo.Create(name, 5);
        model.eval();
        using var scope = NewDisposeScope();
        using var mode = inference_mode();
        var x = rand(2, spec.Channels, spec.Height, spec.Width);
        var net = (ExerciseNet)model;
        var embedding = net.Embed(x);
        Assert.Equal(new long[] { 2, net.EmbeddingSize }, embedding.shape);
        Assert.True(net.Classify(embedding).allclose(model.call(x)));
    }

    [Fact]
    public void Ours_costs_no_more_macs_per_image_than_kimcnn()
    {
        var rows = ModelZoo.Names.Select(name =>
        {
            var spec = ModelZoo.Get(name).Input;
            using var model = ModelZoo.Create(name, 11);
            var c = ModelComplexity.Measure(model, spec.Channels, spec.Height, spec.Width);
            output.WriteLine($"{name,-8} {spec.Channels}x{spec.Height}x{spec.Width} params {c.Parameters,12:N0}  MACs/image {c.MacsPerImage,14:N0}");
            return (name, c);
        }).ToDictionary(r => r.name, r => r.c);
        // Seed 2's CNN, counted by hand: 8,297,856 + 40,716,288 + 32,514,048 + 9,437,184 + 1,048,576 + 512*11.
        Assert.Equal(92_013_952 + 512 * 11, rows[ModelZoo.KimCnnName].MacsPerImage);
        Assert.True(rows[ModelZoo.OursName].MacsPerImage <= rows[ModelZoo.KimCnnName].MacsPerImage);
    }

    [Fact]
    public void Unknown_architecture_is_a_user_error()
    {
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelZoo.Create("resnet152", 4));
        Assert.Contains("ours", e.Message, StringComparison.Ordinal);
    }
}
