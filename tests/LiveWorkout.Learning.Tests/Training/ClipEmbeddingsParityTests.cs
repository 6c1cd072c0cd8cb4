using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using LiveWorkout.Synthetic;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Training;

/// <summary>
/// A temporal head learns from <see cref="ClipEmbeddings"/> and serves on what replay's
/// <see cref="FrameCapture"/> feeds the classifier. For a model that crops to the tracked person,
/// both must track the same way, although the embeddings skip frames and replay does not.
/// </summary>
public sealed class ClipEmbeddingsParityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-emb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Head_training_embeddings_match_replay_for_a_model_that_crops_to_the_person()
    {
        var clip = SyntheticClipWriter.Write(Path.Combine(_dir, "clip.mp4"), seed: 21, new ClipOptions(Width: 160, Height: 120, DurationSeconds: 14, CameraEffects: false));
        var spec = ModelZoo.Get(ModelZoo.OursName).Input with { Width = 32, Height = 32, Region = new RegionSpec() };
        random.manual_seed(5);
        using var package = ModelPackage.Create(ModelZoo.OursName, ExerciseCatalog.Ten, spec);
        using var classifier = new FrameClassifier(package, CPU, useTemporalHead: false);
        var series = ClipEmbeddings.Extract(classifier, clip.VideoPath, clip.Labels, every: 4);

        using var preprocessor = new FramePreprocessor(spec);
        var capture = new FrameCapture(SourceSpec.Parse(clip.VideoPath), preprocessor, new CaptureSettings());
        var run = capture.Start(CancellationToken.None);
        var replayed = new List<float[]>();
        int cropped = 0;
        await foreach (var sample in capture.Frames.ReadAllAsync())
        {
            if (sample.Index % 4 == 0) replayed.Add(classifier.Predict(sample.Pixels, 1).Embeddings[0]);
            if (preprocessor.Region is not null) cropped++;
        }
        await run;

        Assert.True(cropped > replayed.Count, $"only {cropped} of {4 * replayed.Count} frames were cropped: the clip should show the person move");
        Assert.Equal(series.Count, replayed.Count);
        for (int i = 0; i < series.Count; i++)
            for (int j = 0; j < series.EmbeddingSize; j++)
                Assert.True(Math.Abs(series.Embeddings[i * series.EmbeddingSize + j] - replayed[i][j]) < 1e-4,
                    $"frame {4 * i}, value {j}: head training saw {series.Embeddings[i * series.EmbeddingSize + j]}, replay {replayed[i][j]}");
    }
}
