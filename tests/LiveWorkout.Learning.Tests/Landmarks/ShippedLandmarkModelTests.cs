using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Packaging;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Landmarks;

/// <summary>
/// What the shipped landmark models must do whatever they were trained on: the default,
/// <c>models/landmarks</c> (ten exercises), and <c>models/landmarks-all</c> (every exercise).
/// </summary>
public sealed class ShippedLandmarkModelTests
{
    [Theory]
    [InlineData("landmarks")]
    [InlineData("landmarks-all")]
    public void A_view_with_nobody_in_it_is_idle(string model)
    {
        using var package = ModelPackage.Load(Path.Combine(Repository.Root(), "models", model));
        using var classifier = new FrameClassifier(package, CPU);
        // Five seconds at 30 fps in which the pose stage finds nobody: every feature is zero.
        var features = Enumerable.Range(0, 150).Select(_ => new float[LandmarkFeatures.Size]).ToArray();
        var times = Enumerable.Range(0, 150).Select(i => TimeSpan.FromSeconds(i / 30.0)).ToArray();
        var first = classifier.PredictFeatures(features, times);
        var rest = classifier.Flush();
        var probabilities = first.Probabilities.Concat(rest.Probabilities).ToList();
        Assert.Equal(150, probabilities.Count);
        int idle = package.Classes.ToList().IndexOf(ExerciseCatalog.Idle);
        Assert.All(probabilities, p => Assert.True(p.Max() == p[idle] && p[idle] > 0.5f,
            $"nobody in view, yet {package.Classes[Array.IndexOf(p, p.Max())]} at {p.Max():0.00} (idle {p[idle]:0.00})"));
    }

    [Fact]
    public void The_every_exercise_model_knows_every_exercise_of_the_catalog_and_idle()
    {
        using var package = ModelPackage.Load(Path.Combine(Repository.Root(), "models", "landmarks-all"));
        Assert.Equal(ExerciseCatalog.All, package.Classes); // the catalogue ends with idle
        Assert.NotNull(package.PhaseHead);
    }
}
