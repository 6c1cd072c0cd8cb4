using OpenCvSharp;
using LiveWorkout.Vision.Preprocessing;
using Scalar = OpenCvSharp.Scalar;
using TorchSharp;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Inference;

public sealed class FrameClassifierTests
{
    private static readonly string[] Classes = ["squat", "push_up", "idle"];

    [Fact]
    public void Predicts_probabilities_and_embeddings_per_frame_from_the_preprocessor()
    {
        var spec = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 48, Height = 48 };
        using var package = ModelPackage.Create(ModelZoo.OursName, Classes, spec);
        using var classifier = new FrameClassifier(package, CPU);
        using var preprocessor = new FramePreprocessor(classifier.Input);
        var batch = new float[2 * preprocessor.Length];
        using (var red = new Mat(120, 160, MatType.CV_8UC3, new Scalar(0, 0, 255))) preprocessor.Process(red, batch.AsSpan(0, preprocessor.Length));
        using (var blue = new Mat(120, 160, MatType.CV_8UC3, new Scalar(255, 0, 0))) preprocessor.Process(blue, batch.AsSpan(preprocessor.Length));

        var output = classifier.Predict(batch, 2);

        Assert.Equal(2, output.Probabilities.Length);
        Assert.All(output.Probabilities, p => Assert.Equal(1.0, p.Sum(), 4));
        Assert.All(output.Embeddings, e => Assert.Equal(classifier.EmbeddingSize, e.Length));
        Assert.NotEqual(output.Embeddings[0], output.Embeddings[1]);
    }

    [Fact]
    public void Live_tensor_count_stays_flat_over_many_calls()
    {
        var spec = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 32, Height = 32 };
        using var package = ModelPackage.Create(ModelZoo.OursName, Classes, spec);
        using var classifier = new FrameClassifier(package, CPU);
        var batch = new float[4 * 3 * 32 * 32];
        for (int i = 0; i < 5; i++) classifier.Predict(batch, 4);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 200; i++) classifier.Predict(batch, 4);
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.Equal(before, after);
    }
}
