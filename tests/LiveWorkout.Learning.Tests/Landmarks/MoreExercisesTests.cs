using System.Text.Json.Nodes;
using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Landmarks;

/// <summary>A landmark package that adds the exercises of a second one (<see cref="MoreExercisesSpec"/>).</summary>
public sealed class MoreExercisesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-more-").FullName;
    private static readonly string[] Own = ["squat", "push_up", "idle"];
    private static readonly string[] Every = ["squat", "push_up", "bench_press", "deadlift", "idle"];
    private static readonly TemporalHeadSpec Spec = new(8, 0.2, 16, 0.4);

    [Fact]
    public void Idle_is_shared_out_and_the_first_models_exercises_keep_their_probabilities()
    {
        var sharing = new IdleSharing(Own, ["squat", "bench_press", "push_up", "idle"], ["squat", "push_up", "bench_press", "idle"]);
        var row = sharing.Combine([0.6f, 0.1f, 0.3f], [0.2f, 0.5f, 0.1f, 0.2f]);
        Assert.Equal([0.6, 0.1, 0.3 * 0.5 / 0.7, 0.3 * 0.2 / 0.7], row.Select(p => (double)p), new Tolerance(1e-6));
        Assert.Equal(new HashSet<int> { 2 }, sharing.Added);

        // Sure of its own exercise: nothing is left to share, whatever the second model says.
        Assert.Equal([1f, 0f, 0f, 0f], sharing.Combine([1f, 0f, 0f], [0f, 1f, 0f, 0f]));
        // Idle to the first, and the second gives none of it to its other exercises or idle: it stays idle.
        Assert.Equal([0f, 0f, 0f, 1f], sharing.Combine([0f, 0f, 1f], [0.5f, 0f, 0.5f, 0f]));
    }

    [Fact]
    public void A_package_names_the_second_packages_exercises_only_in_what_it_calls_idle()
    {
        SavePackage("more", Every, seed: 2);
        string own = SavePackage("model", Own, seed: 1, moreExercises: "../more");
        using var package = ModelPackage.Load(own);
        Assert.Equal(["squat", "push_up", "bench_press", "deadlift", "idle"], package.Classes);
        Assert.Equal(Own, package.Manifest.Classes);
        Assert.Equal(Every, package.More!.Classes);

        var combined = Classify(package);
        Edit(own, m => m.Remove("moreExercises"));
        using var alone = ModelPackage.Load(own);
        Assert.Equal(Own, alone.Classes);
        var first = Classify(alone);
        Assert.Equal(first.Length, combined.Length);
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(5, combined[i].Length);
            Assert.Equal(1f, combined[i].Sum(), 3);
            Assert.Equal(first[i][0], combined[i][0], 5);
            Assert.Equal(first[i][1], combined[i][1], 5);
            Assert.Equal(first[i][2], combined[i][2] + combined[i][3] + combined[i][4], 4);
        }
        Assert.Contains(combined, r => r[2] > 0.01f); // the second model's exercises do get a share
    }

    [Fact]
    public void A_second_package_that_cannot_be_added_is_refused_with_one_line()
    {
        SavePackage("more", Every, seed: 2);
        string own = SavePackage("model", Own, seed: 1, moreExercises: "../gone");
        var missing = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(own));
        Assert.Contains("missing", missing.Message);

        SavePackage("fewer", ["squat", "bench_press", "idle"], seed: 3);
        Edit(own, m => m["moreExercises"] = new JsonObject { ["package"] = "../fewer" });
        var fewer = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(own));
        Assert.Contains("does not know 'push_up'", fewer.Message);

        SavePackage("same", ["push_up", "squat", "idle"], seed: 4);
        Edit(own, m => m["moreExercises"] = new JsonObject { ["package"] = "../same" });
        var same = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(own));
        Assert.Contains("knows no exercise the first does not", same.Message);

        // Two packages that name each other would load each other for ever.
        Edit(own, m => m["moreExercises"] = new JsonObject { ["package"] = "../more" });
        Edit(Path.Combine(_root, "more"), m => m["moreExercises"] = new JsonObject { ["package"] = "../model" });
        var circle = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(own));
        Assert.Contains("adds those of another itself", circle.Message);
    }

    private static float[][] Classify(ModelPackage package)
    {
        using var classifier = new FrameClassifier(package, CPU);
        var random = new Random(5);
        var features = Enumerable.Range(0, 90).Select(_ => Enumerable.Range(0, LandmarkFeatures.Size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()).ToArray();
        var times = Enumerable.Range(0, 90).Select(i => TimeSpan.FromSeconds(i / 30.0)).ToArray();
        var first = classifier.PredictFeatures(features, times);
        var rest = classifier.Flush();
        return [.. first.Probabilities, .. rest.Probabilities];
    }

    private string SavePackage(string name, string[] classes, int seed, string? moreExercises = null) =>
        TestLandmarkPackages.Save(_root, name, classes, Spec, seed, moreExercises);

    private static void Edit(string folder, Action<JsonObject> edit) => TestLandmarkPackages.Edit(folder, edit);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= within;
        public int GetHashCode(double value) => 0;
    }
}
