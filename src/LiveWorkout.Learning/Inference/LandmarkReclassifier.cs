using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Learning.Packaging;
using TorchSharp;

namespace LiveWorkout.Learning.Inference;

/// <summary>
/// Runs a landmark model again on a clip's saved <see cref="PredictionRecord"/>: the landmark
/// features of its frames go through the model's heads, so a newly trained head is measured on a
/// folder of clips in seconds, without decoding the video or running the pose stage again. Each
/// frame keeps its index, time and features; its probabilities and rep phase are the model's.
/// </summary>
public sealed class LandmarkReclassifier
{
    /// <summary>Frames handed to the model at a time.</summary>
    private const int Batch = 256;

    private readonly ModelPackage package;
    private readonly torch.Device device;

    /// <summary>A pixel <paramref name="package"/> is refused here, once, with one line.</summary>
    public LandmarkReclassifier(ModelPackage package, torch.Device device)
    {
        if (!package.IsLandmarks)
            throw new InvalidInputException($"--reclassify runs a landmark model's heads on saved landmark features, and '{package.Folder}' is a pixel model: pass a landmark model with --model");
        this.package = package;
        this.device = device;
    }

    /// <summary><paramref name="record"/> (saved from <paramref name="path"/>) classified again.</summary>
    public PredictionRecord Reclassify(PredictionRecord record, string path)
    {
        if (record.Predictions.Count > 0 && record.Predictions[0].Embedding.Length != LandmarkFeatures.Size)
            throw new InvalidInputException($"{path} holds {record.Predictions[0].Embedding.Length} values per frame, not the {LandmarkFeatures.Size} landmark features: save it again with a landmark model (replay --evaluate --save-predictions)");

        using var classifier = new FrameClassifier(package, device);
        var frames = record.Predictions;
        var results = new List<FramePrediction>(frames.Count);
        var times = new TimeSpan[Batch];
        void Take(ClassifierOutput output)
        {
            for (int i = 0; i < output.Probabilities.Length; i++)
            {
                var source = frames[results.Count];
                results.Add(new FramePrediction(source.Index, source.Time, output.Probabilities[i], source.Embedding, output.RepPhases?[i]));
            }
        }
        for (int start = 0; start < frames.Count; start += Batch)
        {
            int count = Math.Min(Batch, frames.Count - start);
            var features = new float[count][];
            for (int i = 0; i < count; i++)
            {
                features[i] = frames[start + i].Embedding;
                times[i] = frames[start + i].Time;
            }
            Take(classifier.PredictFeatures(features, times.AsSpan(0, count)));
        }
        Take(classifier.Flush());
        return new PredictionRecord(package.Classes, record.MediaDuration, results);
    }
}
