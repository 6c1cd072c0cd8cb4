using TorchSharp;
using static TorchSharp.torch;
using static LiveWorkout.Learning.Tests.Temporal.HeadTestModels;

namespace LiveWorkout.Learning.Tests.Temporal;

[Collection(SeededTrainingCollection.Name)]
public sealed class PhaseHeadTests
{
    /// <summary>
    /// Clips of a second at rest, then reps: the embedding is a pose that goes down and back up
    /// once per rep. A single frame shows how deep the pose is, but only its neighbours show
    /// whether it is on the way down or up.
    /// </summary>
    private static List<ClipEmbeddingSeries> RepClips(int count, int seed, bool withPhases = true)
    {
        var rng = new Random(seed);
        var mix = Enumerable.Range(0, 8).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var clips = new List<ClipEmbeddingSeries>();
        for (int c = 0; c < count; c++)
        {
            const int n = 80, e = 8;
            var times = Enumerable.Range(0, n).Select(i => i / 10.0).ToArray();
            var emb = new float[n * e];
            var targets = new float[2 * n];
            double period = 1.0 + rng.NextDouble(), offset = rng.NextDouble() * period;
            for (int i = 0; i < n; i++)
            {
                double phase = Math.IEEERemainder(2 * Math.PI * (times[i] - offset) / period, 2 * Math.PI);
                double depth = i < 10 ? -1 : Math.Cos(phase); // 1 at the rep's extreme; still at rest for the first second
                for (int k = 0; k < e; k++) emb[i * e + k] = (float)(mix[k] * depth + rng.NextDouble() * 0.1);
                if (i < 10) continue; // the first second is idle: target (0, 0)
                targets[2 * i] = (float)Math.Cos(phase);
                targets[2 * i + 1] = (float)Math.Sin(phase);
            }
            clips.Add(new ClipEmbeddingSeries($"clip{c}", times, new int[n], new int[n], emb, e, withPhases ? targets : null));
        }
        return clips;
    }

    [Fact]
    public void The_phase_head_learns_the_rep_phase_including_the_direction_no_single_frame_shows()
    {
        var options = new HeadTrainingOptions { Spec = Spec, PhaseEpochs = 15, PhaseHidden = 16, BatchSize = 64, LearningRate = 3e-3, ValidationShare = 0.25, Seed = 3 };
        var clips = RepClips(48, 7);
        var result = HeadTrainer.TrainPhase(clips, options, CPU);

        Assert.NotNull(result);
        using var head = result.Head;
        // A head that saw only the depth would be 90 degrees off on average (cos is right, the sign of sin a coin toss).
        Assert.True(result.ValidationErrorDegrees < 30, $"validation phase error {result.ValidationErrorDegrees:0.0} degrees; " + string.Join(" ", result.History.Select(h => $"{h.ValidationErrorDegrees:0}")));
        Assert.Equal(12 * 70, result.ValidationWindows); // in-set frames of the validation clips only
        Assert.Equal(15, result.History.Count);

        // Where nothing repeats it learns to say so, with a short vector: no swing for the rep counter.
        var clip = clips[0];
        var windows = new float[clip.Count * Spec.Steps * clip.EmbeddingSize];
        var rows = new int[Spec.Steps];
        for (int i = 0; i < clip.Count; i++)
        {
            TemporalWindow.ForFrame(clip.Times, i, Spec, rows);
            for (int k = 0; k < Spec.Steps; k++)
                clip.Embeddings.AsSpan(rows[k] * clip.EmbeddingSize, clip.EmbeddingSize).CopyTo(windows.AsSpan((i * Spec.Steps + k) * clip.EmbeddingSize));
        }
        using var input = tensor(windows, [clip.Count, Spec.Steps, clip.EmbeddingSize]);
        using var output = head.call(input);
        var length = Enumerable.Range(0, clip.Count).Select(i => Math.Sqrt(output[i].pow(2).sum().item<float>())).ToArray();
        Assert.True(length.Take(5).Average() < 0.5 * length.Skip(20).Average(), $"idle {length.Take(5).Average():0.00}, reps {length.Skip(20).Average():0.00}");
        Assert.Equal(Spec with { Hidden = 16 }, head.Spec);
    }

    [Fact]
    public void No_phase_head_is_trained_without_labelled_rep_times_or_epochs()
    {
        var options = new HeadTrainingOptions { Spec = Spec, PhaseEpochs = 2, BatchSize = 64, ValidationShare = 0.25 };
        Assert.Null(HeadTrainer.TrainPhase(RepClips(8, 1, withPhases: false), options, CPU));
        Assert.Null(HeadTrainer.TrainPhase(RepClips(8, 1), options with { PhaseEpochs = 0 }, CPU));
    }

    [Fact]
    public void A_package_with_a_phase_head_round_trips_and_its_classifier_returns_a_phase_for_every_frame()
    {
        using var temp = new TempFolder("lw-phase");
        string folder = temp.Path;
        using (var package = ModelPackage.Create(ModelZoo.OursName, Classes, Small))
        {
            package.AttachHead(new TemporalHead(256, Classes.Length, Spec), new Dictionary<string, double>(),
                new TemporalHead(256, ModelPackage.PhaseOutputs, Spec with { Hidden = 8 }));
            package.Save(folder);
        }
        using var loaded = ModelPackage.Load(folder);
        Assert.Equal(Spec with { Hidden = 8 }, loaded.Manifest.PhaseHead);
        Assert.NotNull(loaded.PhaseHead);

        using var classifier = new FrameClassifier(loaded, CPU);
        Assert.True(classifier.HasPhaseHead);
        var batch = new float[4 * 3 * 32 * 32];
        var phases = new List<float[]>();
        for (int b = 0; b < 5; b++)
        {
            var output = classifier.Predict(batch, 4, Enumerable.Range(b * 4, 4).Select(i => TimeSpan.FromSeconds(i / 10.0)).ToArray());
            phases.AddRange(output.RepPhases!);
            Assert.Equal(output.Probabilities.Length, output.RepPhases!.Length);
        }
        phases.AddRange(classifier.Flush().RepPhases!);
        Assert.Equal(20, phases.Count);
        Assert.All(phases, p => Assert.Equal(2, p.Length));

        // Saved again without one, the package loses phase.dat and its manifest entry.
        loaded.AttachHead(new TemporalHead(256, Classes.Length, Spec), new Dictionary<string, double>());
        loaded.Save(folder);
        Assert.False(File.Exists(Path.Combine(folder, ModelPackage.PhaseHeadFile)));
        using var plain = ModelPackage.Load(folder);
        Assert.Null(plain.PhaseHead);
        using var plainClassifier = new FrameClassifier(plain, CPU);
        Assert.Null(plainClassifier.Predict(new float[4 * 3 * 32 * 32], 4, Enumerable.Range(0, 4).Select(i => TimeSpan.FromSeconds(i)).ToArray()).RepPhases);
    }

    [Fact]
    public void A_phase_head_that_is_missing_or_reads_other_windows_fails_with_one_line()
    {
        using var temp = new TempFolder("lw-phase");
        string folder = temp.Path;
        using (var package = ModelPackage.Create(ModelZoo.OursName, Classes, Small))
        {
            Assert.ThrowsAny<LiveWorkoutException>(() => package.AttachHead(new TemporalHead(256, Classes.Length, Spec), new Dictionary<string, double>(),
                new TemporalHead(256, ModelPackage.PhaseOutputs, Spec with { Steps = 8 })));
            package.AttachHead(new TemporalHead(256, Classes.Length, Spec), new Dictionary<string, double>(),
                new TemporalHead(256, ModelPackage.PhaseOutputs, Spec with { Hidden = 8 }));
            package.Save(folder);
        }
        string manifest = Path.Combine(folder, ModelPackage.ManifestFile);
        string json = File.ReadAllText(manifest);
        // The phase head's entry comes after the temporal head's: change its step only.
        int phaseEntry = json.IndexOf("\"phaseHead\"", StringComparison.Ordinal);
        File.WriteAllText(manifest, json[..phaseEntry] + json[phaseEntry..].Replace("\"steps\": 6", "\"steps\": 7"));
        var windows = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(folder));
        Assert.Contains("differ from the temporal head's", windows.Message);
        Assert.DoesNotContain('\n', windows.Message);

        File.WriteAllText(manifest, json);
        File.Delete(Path.Combine(folder, ModelPackage.PhaseHeadFile));
        var missing = Assert.ThrowsAny<LiveWorkoutException>(() => ModelPackage.Load(folder));
        Assert.Contains("has no phase.dat", missing.Message);
        Assert.DoesNotContain('\n', missing.Message);
    }
}
