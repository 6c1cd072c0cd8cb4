using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Landmarks;
using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;
using static TorchSharp.torch;

namespace LiveWorkout.Learning.Tests.Landmarks;

[Collection(SeededTrainingCollection.Name)]
public sealed class SyntheticLandmarkClipsTests
{
    private static readonly IReadOnlyList<string> Classes = ExerciseCatalog.Ten;

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
    public void Sessions_that_draw_exercises_learnt_as_idle_label_their_sets_idle_without_a_rep_phase()
    {
        string[] others = ["bench_press", "hip_thrust"];
        var wider = ExerciseCatalog.Vocabulary(string.Join(",", Classes.Where(c => !ExerciseCatalog.IsIdle(c)).Concat(others)));
        var asOwn = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 120, Augment: false, Exercises: wider);
        var asIdle = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 120, Augment: false, IdleExercises: others, IdleExerciseShare: 1);
        int seed = Enumerable.Range(0, 40).First(s => SyntheticLandmarkClips.MakePoses(s, asOwn).Labels.Any(others.Contains));

        var own = SyntheticLandmarkClips.MakePoses(seed, asOwn);
        var idle = SyntheticLandmarkClips.MakePoses(seed, asIdle);
        Assert.Equal(own.Frames, idle.Frames);
        for (int i = 0; i < own.Count; i++)
        {
            if (others.Contains(own.Labels[i]))
            {
                Assert.Equal(ExerciseCatalog.Idle, idle.Labels[i]);
                Assert.Equal((0f, 0f), (idle.PhaseTargets[2 * i], idle.PhaseTargets[2 * i + 1]));
            }
            else
            {
                Assert.Equal(own.Labels[i], idle.Labels[i]);
                Assert.Equal((own.PhaseTargets[2 * i], own.PhaseTargets[2 * i + 1]), (idle.PhaseTargets[2 * i], idle.PhaseTargets[2 * i + 1]));
            }
        }
        // The series a model of the ten trains on holds no class it lacks; without the share the session draws the ten alone.
        Assert.Equal(own.Count, SyntheticLandmarkClips.Make(seed, Classes, asIdle).Count);
        Assert.DoesNotContain(SyntheticLandmarkClips.MakePoses(seed, asIdle with { IdleExerciseShare = 0 }).Labels, others.Contains);
    }

    [Fact]
    public void Augmentation_changes_the_landmarks_but_not_the_labels()
    {
        var exact = SyntheticLandmarkClips.Make(78, Classes, new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30, Augment: false));
        var noisy = SyntheticLandmarkClips.Make(78, Classes, new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30, Augment: true));
        Assert.Equal(exact.Labels, noisy.Labels);
        Assert.NotEqual(exact.Embeddings, noisy.Embeddings);
        // Exact joints always show the person; augmented ones lose them now and then inside sets, but mostly not.
        var inSets = Enumerable.Range(0, noisy.Count).Where(i => Classes[noisy.Labels[i]] != ExerciseCatalog.Idle).ToList();
        int present = inSets.Count(i => noisy.Embeddings[(i + 1) * LandmarkFeatures.Size - 1] > 0);
        Assert.All(Enumerable.Range(0, exact.Count), i => Assert.Equal(1, exact.Embeddings[(i + 1) * LandmarkFeatures.Size - 1]));
        Assert.InRange(present, (int)(0.8 * inSets.Count), inSets.Count);
    }

    [Fact]
    public void About_half_the_augmented_sessions_name_the_sides_the_other_way_round_throughout()
    {
        // A mirror moves the left shoulder to the other side of the picture and renames it, so the
        // left one stays on the same side; naming the sides the other way round puts it across.
        var exact = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 20, Augment: false);
        int sessions = 0, across = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var plain = SyntheticLandmarkClips.MakePoses(seed, exact).Frames;
            var noisy = SyntheticLandmarkClips.MakePoses(seed, exact with { Augment = true }).Frames;
            int compared = 0, agree = 0;
            for (int i = 0; i < plain.Length / PoseFrame.Length; i++)
            {
                var a = plain.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                var b = noisy.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
                if (PoseFrame.Presence(b) <= 0) continue;
                float da = PoseFrame.X(a, PoseFrame.LeftShoulder) - PoseFrame.X(a, PoseFrame.RightShoulder);
                float db = PoseFrame.X(b, PoseFrame.LeftShoulder) - PoseFrame.X(b, PoseFrame.RightShoulder);
                if (MathF.Abs(da) < 0.5f * LandmarkAugmenter.TorsoLength(a)) continue; // shoulders side by side in the picture
                compared++;
                if (MathF.Sign(da) == MathF.Sign(db)) agree++;
            }
            if (compared < 20) continue;
            sessions++;
            if (agree < compared / 2) across++;
        }
        Assert.True(sessions >= 20, $"{sessions} sessions with the shoulders side by side");
        Assert.InRange(across, 0.3 * sessions, 0.7 * sessions);
    }

    [Fact]
    public void Between_sets_the_person_now_and_then_leaves_the_view_and_the_empty_frames_are_idle()
    {
        var options = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 75);
        int longEmptyIdle = 0;
        for (int seed = 90; seed < 102; seed++)
        {
            var clip = SyntheticLandmarkClips.Make(seed, Classes, options);
            bool Empty(int i) => clip.Embeddings[(i + 1) * LandmarkFeatures.Size - 1] == 0;
            for (int start = 0; start < clip.Count;)
            {
                if (!Empty(start)) { start++; continue; }
                int end = start;
                while (end < clip.Count && Empty(end)) end++;
                // Longer than the augmenter's losses of the person (at most 1.3 s): someone who stepped away, between sets.
                if (end - start > 14)
                {
                    Assert.All(Enumerable.Range(start, end - start), i => Assert.Equal(ExerciseCatalog.Idle, Classes[clip.Labels[i]]));
                    longEmptyIdle++;
                }
                start = end;
            }
        }
        Assert.True(longEmptyIdle >= 3, $"only {longEmptyIdle} stretches of 1.5 s or more with nobody in view in 12 sessions");
    }

    [Fact]
    public void Holds_freeze_the_person_inside_a_set_and_keep_its_label()
    {
        var plain = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 75, Augment: false);
        var (setsBefore, idleBefore) = FrozenSteps(plain);
        var (setsAfter, idleAfter) = FrozenSteps(plain with { HoldShare = 1 });
        // Six sessions of 75 s, a hold every 12 s of exercise on average, each 1-8 s long.
        Assert.True(setsAfter > setsBefore + 100, $"frozen steps in sets: {setsBefore} without holds, {setsAfter} with");
        // Holds stop the person only inside sets: idle keeps about the stillness it had.
        Assert.True(idleAfter < idleBefore * 1.5 + 20, $"frozen idle steps: {idleBefore} without holds, {idleAfter} with");
    }

    /// <summary>Steps whose features repeat the step before exactly, inside sets and in idle, over six sessions.</summary>
    private static (int InSets, int Idle) FrozenSteps(SyntheticLandmarkOptions options)
    {
        int inSets = 0, idle = 0;
        for (int seed = 90; seed < 96; seed++)
        {
            var clip = SyntheticLandmarkClips.Make(seed, Classes, options);
            for (int i = 1; i < clip.Count; i++)
            {
                if (!clip.Embeddings.AsSpan(i * LandmarkFeatures.Size, LandmarkFeatures.Size)
                        .SequenceEqual(clip.Embeddings.AsSpan((i - 1) * LandmarkFeatures.Size, LandmarkFeatures.Size))) continue;
                if (Classes[clip.Labels[i]] == ExerciseCatalog.Idle) idle++;
                else inSets++;
            }
        }
        return (inSets, idle);
    }

    [Fact]
    public void A_session_that_draws_no_holds_is_the_same_clip_as_without_them()
    {
        // Holds draw from a generator of their own, so the rest of a session (camera, noise) does not move.
        var none = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 30);
        var half = none with { HoldShare = 0.5 };
        var same = Enumerable.Range(80, 8).Select(seed =>
            SyntheticLandmarkClips.Make(seed, Classes, none).Embeddings.SequenceEqual(SyntheticLandmarkClips.Make(seed, Classes, half).Embeddings)).ToList();
        Assert.Contains(true, same);
        Assert.Contains(false, same);
    }

    [Fact]
    public void A_head_learns_exercises_from_synthetic_landmarks_well_above_chance()
    {
        // Exact joints at the usual tempo: what is tested is that learning happens, not how hard the task is.
        // 80 clips (60 train): with half as many the best epoch lies within a few points of the bar.
        var data = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 60, Augment: false, MinTempo: 0.9, MaxTempo: 1.1);
        var clips = Enumerable.Range(0, 80).Select(k => SyntheticLandmarkClips.Make(300 + k, Classes, data)).ToList();
        var options = new HeadTrainingOptions { Spec = new TemporalHeadSpec(16, 0.2, 48, 1.0), Epochs = 6, LearningRate = 5e-3, PhaseEpochs = 0, ValidationShare = 0.25, Seed = 3 };
        var result = HeadTrainer.Train(clips, Classes.Count, options, CPU);
        using var head = result.Head;
        // Idle is about half the frames; a head that learnt nothing would call everything idle.
        double idleShare = clips.Sum(c => c.Labels.Count(l => Classes[l] == ExerciseCatalog.Idle)) / (double)clips.Sum(c => c.Count);
        Assert.True(result.ValidationAccuracy > idleShare + 0.15,
            $"validation accuracy {result.ValidationAccuracy:0.000}, idle share {idleShare:0.000}; epochs: {string.Join(", ", result.History.Select(h => h.ValidationAccuracy.ToString("0.000")))}");
    }
}
