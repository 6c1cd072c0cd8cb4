using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Landmarks;

public sealed class SyntheticLandmarkClipsTests
{
    private static readonly IReadOnlyList<string> Classes = ExerciseCatalog.All;

    [Fact]
    public void A_session_gives_the_same_clip_every_time_with_labels_and_rep_phases()
    {
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30);
        var a = SyntheticLandmarkClips.Make(77, Classes, options);
        var b = SyntheticLandmarkClips.Make(77, Classes, options);
        Assert.Equal(a.Embeddings, b.Embeddings);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(LandmarkFeatures.Size, a.EmbeddingSize);
        Assert.Equal(a.Count * LandmarkFeatures.Size, a.Embeddings.Length);
        Assert.Equal(0.1, a.Times[1] - a.Times[0], 6);
        Assert.Contains(a.Labels, l => Classes[l] != ExerciseCatalog.Idle);
        Assert.Contains(a.Labels, l => Classes[l] == ExerciseCatalog.Idle);
        Assert.NotNull(a.PhaseTargets);
        Assert.Contains(Enumerable.Range(0, a.Count), i => a.PhaseTargets![2 * i] * a.PhaseTargets[2 * i] + a.PhaseTargets[2 * i + 1] * a.PhaseTargets[2 * i + 1] > 0.9f);
    }

    [Fact]
    public void Augmentation_changes_the_landmarks_but_not_the_labels()
    {
        var exact = SyntheticLandmarkClips.Make(78, Classes, new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30, Augment: false));
        var noisy = SyntheticLandmarkClips.Make(78, Classes, new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30, Augment: true));
        Assert.Equal(exact.Labels, noisy.Labels);
        Assert.NotEqual(exact.Embeddings, noisy.Embeddings);
        // Exact joints always show the person; augmented ones lose them now and then but mostly not.
        int present = Enumerable.Range(0, noisy.Count).Count(i => noisy.Embeddings[(i + 1) * LandmarkFeatures.Size - 1] > 0);
        Assert.All(Enumerable.Range(0, exact.Count), i => Assert.Equal(1, exact.Embeddings[(i + 1) * LandmarkFeatures.Size - 1]));
        Assert.InRange(present, (int)(0.8 * noisy.Count), noisy.Count);
    }

    [Fact]
    public void A_head_learns_exercises_from_synthetic_landmarks_well_above_chance()
    {
        // Exact joints at the usual tempo: what is tested is that learning happens, not how hard the task is.
        var data = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 60, Augment: false, MinTempo: 0.9, MaxTempo: 1.1);
        var clips = Enumerable.Range(0, 40).Select(k => SyntheticLandmarkClips.Make(300 + k, Classes, data)).ToList();
        var options = new HeadTrainingOptions { Spec = new TemporalHeadSpec(16, 0.2, 48, 1.0), Epochs = 6, LearningRate = 5e-3, PhaseEpochs = 0, ValidationShare = 0.25, Seed = 3 };
        var result = HeadTrainer.Train(clips, Classes.Count, options, CPU);
        using var head = result.Head;
        // Idle is about half the frames; a head that learnt nothing would call everything idle.
        double idleShare = clips.Sum(c => c.Labels.Count(l => Classes[l] == ExerciseCatalog.Idle)) / (double)clips.Sum(c => c.Count);
        Assert.True(result.ValidationAccuracy > idleShare + 0.15,
            $"validation accuracy {result.ValidationAccuracy:0.000}, idle share {idleShare:0.000}; epochs: {string.Join(", ", result.History.Select(h => h.ValidationAccuracy.ToString("0.000")))}");
    }
}
