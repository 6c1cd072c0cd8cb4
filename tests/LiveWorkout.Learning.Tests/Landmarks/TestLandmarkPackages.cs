using System.Text.Json.Nodes;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Packaging;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Landmarks;

/// <summary>Landmark packages with untrained heads for tests, beside a copy of the shipped pose model.</summary>
internal static class TestLandmarkPackages
{
    /// <summary>A package of <paramref name="classes"/> in root/name (its pose model in root/pose), heads seeded with <paramref name="seed"/>.</summary>
    public static string Save(string root, string name, IReadOnlyList<string> classes, TemporalHeadSpec spec, int seed, string? moreExercises = null)
    {
        string pose = Path.Combine(root, "pose");
        Directory.CreateDirectory(pose);
        File.Copy(Path.Combine(Repository.Root(), "models", "pose", "pose_landmark_full.tflite"), Path.Combine(pose, "pose_landmark_full.tflite"), overwrite: true);
        string folder = Path.Combine(root, name);
        using var package = ModelPackage.CreateLandmarks(classes, new PoseSpec("../pose/pose_landmark_full.tflite", null, LandmarkFeatures.Size),
            moreExercises is null ? null : new MoreExercisesSpec(moreExercises));
        random.manual_seed(seed);
        package.AttachHead(new TemporalHead(LandmarkFeatures.Size, classes.Count, spec), new Dictionary<string, double> { ["headValidationAccuracy"] = 0.5 },
            new TemporalHead(LandmarkFeatures.Size, ModelPackage.PhaseOutputs, spec with { Hidden = 8 }));
        package.Save(folder);
        return folder;
    }

    /// <summary>Rewrites a package's model.json through <paramref name="edit"/>.</summary>
    public static void Edit(string folder, Action<JsonObject> edit)
    {
        string path = Path.Combine(folder, ModelPackage.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
