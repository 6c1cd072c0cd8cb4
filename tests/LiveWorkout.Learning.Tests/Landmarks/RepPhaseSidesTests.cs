using LiveWorkout.Core;
using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Landmarks;

namespace LiveWorkout.Learning.Tests.Landmarks;

/// <summary>
/// A running stride is a left and a right step: seen in a mirror, the runner is half a stride
/// further on. The rep phase a model learns must follow the side that is seen, or mirrored and
/// plain sessions teach opposite phases for the same picture and the phase head learns none.
/// </summary>
public sealed class RepPhaseSidesTests
{
    private static readonly IReadOnlyList<string> Classes = ExerciseCatalog.Ten;

    [Fact]
    public void Only_exercises_whose_rep_is_a_left_and_a_right_movement_span_both_sides()
    {
        Assert.True(ExerciseCatalog.RepSpansBothSides("running"));
        Assert.True(ExerciseCatalog.RepSpansBothSides("mountain_climber"));
        Assert.All(["squat", "lunge", "bicep_curl", "jumping_jack", ExerciseCatalog.Idle, "no_such_exercise"],
            name => Assert.False(ExerciseCatalog.RepSpansBothSides(name)));
    }

    [Fact]
    public void In_augmented_sessions_mirrored_or_not_the_running_rep_phase_follows_the_knee_that_is_seen()
    {
        // How high each knee is drawn depends on the camera (from above, a raised knee moves down
        // the picture), so each augmented session is compared with its own exact joints: the phase
        // must go with the same landmark's height in both, even where the augmenter mirrored it.
        var exact = new SyntheticLandmarkOptions(1, 0, DurationSeconds: 75, Augment: false);
        var augmented = exact with { Augment = true };
        var agreements = new List<double>();
        for (int seed = 0; seed < 80 && agreements.Count < 10; seed++)
        {
            var plain = SyntheticLandmarkClips.MakePoses(seed, exact);
            double? exactCorrelation = KneeCorrelation(plain);
            if (exactCorrelation is not { } e) continue;
            double? augmentedCorrelation = KneeCorrelation(SyntheticLandmarkClips.MakePoses(seed, augmented));
            agreements.Add(e * (augmentedCorrelation ?? 0));
        }
        string all = string.Join(", ", agreements.Select(a => a.ToString("0.00")));
        // Half the sessions are mirrored: without turning their phase, about half would disagree.
        // Near zero is a session whose legs the augmenter only guesses.
        Assert.True(agreements.Count(a => a > 0.3) >= 7, all);
        Assert.True(agreements.All(a => a > -0.3),
            $"exact x augmented correlation of the phase with the left knee's height, per session: {all}");
    }

    /// <summary>Correlation of the running frames' phase cos with how much higher the left knee is drawn than the right, or null with too few.</summary>
    private static double? KneeCorrelation(PoseClip clip)
    {
        var cos = new List<double>();
        var leftHigher = new List<double>();
        for (int i = 0; i < clip.Count; i++)
        {
            var frame = clip.Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
            float c = clip.PhaseTargets[2 * i], s = clip.PhaseTargets[2 * i + 1];
            if (clip.Labels[i] != "running" || PoseFrame.Presence(frame) <= 0 || float.IsNaN(c) || c * c + s * s < 0.5f) continue;
            cos.Add(c);
            leftHigher.Add(PoseFrame.Y(frame, PoseFrame.RightKnee) - PoseFrame.Y(frame, PoseFrame.LeftKnee));
        }
        return cos.Count >= 60 ? Correlation(cos, leftHigher) : null;
    }

    [Fact]
    public void A_rendered_clip_seen_in_a_mirror_turns_the_running_phase_by_half_a_cycle_and_leaves_the_rest()
    {
        string[] labels = ["running", "running", "squat", "running", "idle"];
        float[] phases = [1, 0, 0.6f, 0.8f, 0, -1, float.NaN, float.NaN, 0, 0];
        var frames = new float[labels.Length * PoseFrame.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            var frame = frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length);
            PoseFrame.SetHeader(frame, 1, 640, 480);
            for (int j = 0; j < PoseFrame.Landmarks; j++) PoseFrame.SetLandmark(frame, j, 100 + 3 * j + i, 50 + 7 * j, 0.9f);
        }
        var clip = new PoseClip("made", [0, 0.1, 0.2, 0.3, 0.4], frames, labels, phases);
        Assert.Equal(phases, clip.ToSeries(Classes).PhaseTargets);
        Assert.Equal([-1, -0f, -0.6f, -0.8f, 0, -1, float.NaN, float.NaN, 0, 0], clip.ToSeries(Classes, mirror: true).PhaseTargets!);
        Assert.Equal(1, clip.PhaseTargets[0]);
    }

    private static double Correlation(List<double> a, List<double> b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
