using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Landmarks;
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

    [Fact]
    public void The_default_model_names_the_exercises_of_the_every_exercise_model_too()
    {
        using var package = ModelPackage.Load(Path.Combine(Repository.Root(), "models", "landmarks"));
        Assert.Equal(ExerciseCatalog.All, package.Classes);
        Assert.Equal(ExerciseCatalog.Ten, package.Manifest.Classes); // its own heads: the ten and idle

        // Synthetic sessions of two exercises the default's own heads do not know, as the pose model
        // sees them. (Its heads take lat pulldowns for shoulder presses: those are not handed over.)
        string[] others = ["bench_press", "deadlift"];
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 60, Exercises: others);
        int frames = 0, named = 0;
        for (int seed = 700; seed < 704; seed++)
        {
            var series = SyntheticLandmarkClips.Make(seed, ExerciseCatalog.All, options);
            using var classifier = new FrameClassifier(package, CPU);
            var features = Enumerable.Range(0, series.Count).Select(i => series.Embeddings.AsSpan(i * series.EmbeddingSize, series.EmbeddingSize).ToArray()).ToArray();
            var times = series.Times.Select(TimeSpan.FromSeconds).ToArray();
            var first = classifier.PredictFeatures(features, times);
            var probabilities = first.Probabilities.Concat(classifier.Flush().Probabilities).ToArray();
            for (int i = 0; i < series.Count; i++)
            {
                string label = ExerciseCatalog.All[series.Labels[i]];
                if (!others.Contains(label)) continue;
                frames++;
                string top = ExerciseCatalog.All[Array.IndexOf(probabilities[i], probabilities[i].Max())];
                if (top == label) named++;
            }
        }
        Assert.True(frames > 500, $"only {frames} exercise frames");
        Assert.True(named > frames / 2, $"{named} of {frames} frames of {string.Join(", ", others)} named right");
    }
}
