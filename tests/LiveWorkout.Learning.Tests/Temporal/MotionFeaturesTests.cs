using LiveWorkout.Vision.Capture;
using LiveWorkout.Vision.Preprocessing;
using LiveWorkout.Synthetic;
using static TorchSharp.torch;

using static LiveWorkout.Learning.Tests.Temporal.HeadTestModels;

namespace LiveWorkout.Learning.Tests.Temporal;

[Collection(SeededTrainingCollection.Name)]
public sealed class MotionFeaturesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-motion-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A 3 x 32 x 32 frame of zeros with the top-left 8 x 8 pixels (the top-left cell of a 4 x 4 grid) at <paramref name="value"/>.</summary>
    private static float[] Frame(float value)
    {
        var frame = new float[3 * 32 * 32];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                    frame[c * 1024 + y * 32 + x] = value;
        return frame;
    }

    [Fact]
    public void A_cell_shows_how_much_it_changed_since_the_frame_a_step_before_and_nothing_else_does()
    {
        var motion = new MotionFeatures(new MotionSpec(4, 0.2), Small);
        var features = new float[16];

        motion.Compute(Frame(0), 0.0, features);
        Assert.All(features, f => Assert.Equal(0f, f)); // the first frame is its own reference
        motion.Compute(Frame(1), 0.1, features); // only 0.1 s on: still compared with the first frame
        Assert.Equal((float)Math.Log(1 + 10), features[0], 5);
        Assert.All(features.Skip(1), f => Assert.Equal(0f, f));
        motion.Compute(Frame(1), 0.2, features); // against 0.0 s
        Assert.Equal((float)Math.Log(1 + 10), features[0], 5);
        motion.Compute(Frame(1), 0.3, features); // against 0.1 s, which looked the same
        Assert.All(features, f => Assert.Equal(0f, f));
        motion.Compute(Frame(0.5f), 0.5, features); // against 0.3 s
        Assert.Equal((float)Math.Log(1 + 5), features[0], 5);
    }

    [Fact]
    public void It_keeps_only_the_frames_a_later_one_can_still_compare_with()
    {
        var motion = new MotionFeatures(MotionSpec.Default, ModelZoo.Get(ModelZoo.OursName).Input);
        var frame = new float[3 * 112 * 112];
        var features = new float[49];
        for (int i = 0; i < 3000; i++) motion.Compute(frame, i / 30.0, features);
        Assert.InRange(motion.Held, 6, 8); // 0.2 s of 30 fps
    }

    [Fact]
    public void A_grid_the_input_is_too_small_for_or_a_bad_step_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MotionFeatures(new MotionSpec(9, 0.2), Small)); // 36 points on 32 pixels
        Assert.Throws<ArgumentException>(() => new MotionFeatures(new MotionSpec(4, 0), Small));
        Assert.Throws<ArgumentException>(() => new TemporalHead(256, 3, Spec with { Motion = new MotionSpec(0, 0.2) }));
    }

    [Fact]
    public void A_phase_head_must_see_the_same_motion_as_the_temporal_head()
    {
        using var package = ModelPackage.Create(ModelZoo.OursName, Classes, Small);
        using var head = new TemporalHead(256, Classes.Length, Spec with { Motion = new MotionSpec(4, 0.2) });
        using var phase = new TemporalHead(256, ModelPackage.PhaseOutputs, Spec);
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => package.AttachHead(head, new Dictionary<string, double>(), phase));
        Assert.Contains("no motion", e.Message);
        Assert.Contains("motion 4x4 over 0.2 s", e.Message);
    }

    [Fact]
    public void A_package_whose_motion_grid_does_not_fit_its_input_fails_to_load_with_one_line()
    {
        string folder = Path.Combine(_dir, "model");
        SaveWithEditedManifest(folder, Spec with { Motion = new MotionSpec(4, 0.2) }, phaseHead: true, "\"grid\": 4", "\"grid\": 9");

        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(folder));
        Assert.Contains("motion it cannot have", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void The_head_learns_from_motion_what_the_embeddings_do_not_show()
    {
        // Both classes have the same random embeddings; only "squat" moves.
        var spec = Spec with { Motion = new MotionSpec(2, 0.2) };
        var rng = new Random(7);
        var clips = new List<ClipEmbeddingSeries>();
        for (int c = 0; c < 48; c++)
        {
            int label = c % 2;
            const int n = 40, e = 8, step = e + 4;
            var rows = new float[n * step];
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < e; k++) rows[i * step + k] = (float)rng.NextDouble();
                for (int k = 0; k < 4; k++) rows[i * step + e + k] = (float)((label == 0 ? 1.0 : 0.1) * rng.NextDouble());
            }
            clips.Add(new ClipEmbeddingSeries($"clip{c}", Enumerable.Range(0, n).Select(i => i / 10.0).ToArray(), Enumerable.Repeat(label, n).ToArray(), new int[n], rows, step));
        }

        var result = HeadTrainer.Train(clips, 2, new HeadTrainingOptions { Spec = spec, Epochs = 10, BatchSize = 64, LearningRate = 3e-3, ValidationShare = 0.25, Seed = 3 }, CPU);
        using var head = result.Head;

        Assert.Equal(8, head.EmbeddingSize);
        Assert.True(result.ValidationAccuracy > 0.9, $"validation accuracy {result.ValidationAccuracy:0.000}");
    }

    [Fact]
    public async Task Replay_classifies_with_the_same_motion_and_windows_as_head_training_sees()
    {
        var clip = SyntheticClipWriter.Write(Path.Combine(_dir, "clip.mp4"), seed: 23, new ClipOptions(Width: 160, Height: 120, DurationSeconds: 8, CameraEffects: false));
        var spec = new TemporalHeadSpec(6, 0.2, 16, 0.4, FrameWeight: 0, Motion: new MotionSpec(4, 0.2));
        random.manual_seed(9);
        using var package = ModelPackage.Create(ModelZoo.OursName, ExerciseCatalog.Ten, Small);
        package.AttachHead(new TemporalHead(256, ExerciseCatalog.Ten.Count, spec), new Dictionary<string, double>());
        string folder = Path.Combine(_dir, "model");
        package.Save(folder);
        using var loaded = ModelPackage.Load(folder);
        Assert.Equal(3, loaded.Manifest.FormatVersion);
        Assert.Equal(spec, loaded.Manifest.TemporalHead);

        // What head training sees: every third frame, each embedding followed by its motion.
        using var alone = new FrameClassifier(loaded, CPU, useTemporalHead: false);
        var series = ClipEmbeddings.Extract(alone, clip.VideoPath, clip.Labels, every: 3, spec.Motion);
        Assert.Equal(256 + 16, series.EmbeddingSize);
        Assert.Contains(series.Embeddings.Where((_, i) => i % series.EmbeddingSize >= 256), m => m > 0.1f);

        // What replay does: every frame through the classifier with its head.
        using var classifier = new FrameClassifier(loaded, CPU);
        using var preprocessor = new FramePreprocessor(Small);
        var capture = new FrameCapture(SourceSpec.Parse(clip.VideoPath), preprocessor, new CaptureSettings());
        var run = capture.Start(CancellationToken.None);
        var replayed = new List<float[]>();
        await foreach (var sample in capture.Frames.ReadAllAsync())
            replayed.AddRange(classifier.Predict(sample.Pixels, 1, [sample.Time]).Probabilities);
        await run;
        replayed.AddRange(classifier.Flush().Probabilities);

        var window = new int[spec.Steps];
        var rows = new float[series.Count * spec.Steps * series.EmbeddingSize];
        for (int i = 0; i < series.Count; i++)
        {
            TemporalWindow.ForFrame(series.Times, i, spec, window);
            for (int k = 0; k < spec.Steps; k++)
                series.Embeddings.AsSpan(window[k] * series.EmbeddingSize, series.EmbeddingSize).CopyTo(rows.AsSpan((i * spec.Steps + k) * series.EmbeddingSize));
        }
        using var input = tensor(rows, [series.Count, spec.Steps, series.EmbeddingSize]);
        using var mode = inference_mode();
        using var trained = nn.functional.softmax(loaded.Head!.call(input), 1);
        var expected = trained.data<float>().ToArray();
        int classes = ExerciseCatalog.Ten.Count;
        for (int i = 0; i < series.Count - 5; i++) // the last 0.4 s: replay's windows end on frames that training skipped
            for (int c = 0; c < classes; c++)
                Assert.True(Math.Abs(expected[i * classes + c] - replayed[3 * i][c]) < 1e-4,
                    $"frame {3 * i}, {ExerciseCatalog.Ten[c]}: training's windows give {expected[i * classes + c]}, replay {replayed[3 * i][c]}");
    }
}
