using System.Text.Json.Nodes;
using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Inference;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Landmarks;

public sealed class LandmarkPackageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lw-lmpkg-").FullName;
    private static readonly string[] Classes = ["squat", "push_up", "idle"];
    private static readonly TemporalHeadSpec Spec = new(8, 0.2, 16, 0.4);

    /// <summary>A landmark package in _root/model with untrained heads, its pose model in _root/pose.</summary>
    private string Save() => TestLandmarkPackages.Save(_root, "model", Classes, Spec, seed: 1);

    [Fact]
    public void A_landmark_package_round_trips_and_classifies_pose_frames()
    {
        string folder = Save();
        Assert.False(File.Exists(Path.Combine(folder, ModelPackage.WeightsFile)));
        using var package = ModelPackage.Load(folder);
        Assert.True(package.IsLandmarks);
        Assert.Equal(ModelManifest.LandmarksFormatVersion, package.Manifest.FormatVersion);
        Assert.Equal(Classes, package.Classes);
        var cnn = Assert.ThrowsAny<LiveWorkoutException>(() => package.Network);
        Assert.Contains("landmark model", cnn.Message);

        using var classifier = new FrameClassifier(package, CPU);
        Assert.Equal(PoseFrame.Length, classifier.FrameLength);
        Assert.True(classifier.HasPhaseHead);
        var frames = new float[30 * PoseFrame.Length];
        var times = Enumerable.Range(0, 30).Select(i => TimeSpan.FromSeconds(i / 30.0)).ToArray();
        var first = classifier.Predict(frames, 30, times);
        var rest = classifier.Flush();
        Assert.Equal(30, first.Probabilities.Length + rest.Probabilities.Length);
        Assert.All(first.Probabilities.Concat(rest.Probabilities), p => Assert.Equal(1f, p.Sum(), 3));
        Assert.All(first.Embeddings.Concat(rest.Embeddings), e => Assert.Equal(LandmarkFeatures.Size, e.Length));
    }

    [Fact]
    public void A_package_trained_on_other_features_is_refused_with_one_line()
    {
        string folder = Save();
        Edit(folder, m => m["pose"]!["features"] = LandmarkFeatures.Size + 3);
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(folder));
        Assert.Contains("landmark features", e.Message);
        Assert.Contains("train-landmarks", e.Message);
    }

    [Fact]
    public void A_missing_pose_model_is_one_line_that_says_what_to_do()
    {
        string folder = Save();
        File.Delete(Path.Combine(_root, "pose", "pose_landmark_full.tflite"));
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(folder));
        Assert.Contains("models/pose", e.Message);
    }

    [Fact]
    public void A_corrupt_pose_model_fails_when_the_pose_stage_opens_with_one_line()
    {
        string folder = Save();
        File.WriteAllBytes(Path.Combine(_root, "pose", "pose_landmark_full.tflite"), new byte[4096]);
        using var package = ModelPackage.Load(folder);
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => PoseStage.Open(package).Dispose());
        Assert.Contains("not a TFLite model", e.Message);
    }

    [Fact]
    public void A_landmark_package_without_its_temporal_head_is_refused()
    {
        string folder = Save();
        Edit(folder, m => { m.Remove("temporalHead"); m.Remove("phaseHead"); });
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(folder));
        Assert.Contains("without a temporal head", e.Message);
    }

    private static void Edit(string folder, Action<JsonObject> edit) => TestLandmarkPackages.Edit(folder, edit);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
