using LiveWorkout.Core.Recognition;
using LiveWorkout.Core.Temporal;

namespace LiveWorkout.Core.Tests.Temporal;

public sealed class StillHoldRelabelerTests
{
    private static readonly string[] Classes = ["idle", "plank", "push_up", "squat"];

    private static FramePrediction Frame(double seconds, float pushUp, float phaseLength) =>
        new((long)(seconds * 10), TimeSpan.FromSeconds(seconds), [0.1f, 0.1f, pushUp, 0.1f], [], [phaseLength, 0]);

    [Fact]
    public void A_still_phase_hands_the_push_up_probability_to_plank_and_leaves_the_rest()
    {
        var relabeler = new StillHoldRelabeler(Classes, new TemporalOptions());

        var frame = relabeler.Push(Frame(0, 0.7f, 0.05f));

        Assert.Equal([0.1f, 0.8f, 0f, 0.1f], frame.Probabilities);
        // Push-up merely likely, squat on top: the frame keeps it (the backfill of a push-up set's onset needs it).
        var unsure = new FramePrediction(1, TimeSpan.FromSeconds(0.1), [0.1f, 0.1f, 0.3f, 0.5f], [], [0.05f, 0]);
        Assert.Same(unsure, relabeler.Push(unsure));
    }

    [Fact]
    public void The_phase_length_is_averaged_over_the_window()
    {
        var relabeler = new StillHoldRelabeler(Classes, new TemporalOptions { StillPhaseMagnitude = 0.15, StillPhaseSeconds = 1 });
        // Frames 0.1 s apart: the phase is 1.0 long once, then 0.1. While the 1.0 is in the
        // window the mean stays at least 0.15 ((1 + 9 x 0.1) / 10 = 0.19 at frame 9), so push-up
        // stays push-up; frame 10 drops frame 0 (1 s old) from the window, and the mean is 0.1.
        var results = new List<float>();
        for (int i = 0; i < 12; i++) results.Add(relabeler.Push(Frame(i / 10.0, 0.7f, i == 0 ? 1f : 0.1f)).Probabilities[2]);

        Assert.Equal([0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0f, 0f], results);
    }

    [Fact]
    public void Frames_without_a_phase_or_with_the_rule_off_pass_unchanged()
    {
        var noPhase = Frame(0, 0.7f, 0) with { RepPhase = null };
        Assert.Same(noPhase, new StillHoldRelabeler(Classes, new TemporalOptions()).Push(noPhase));

        var still = Frame(0, 0.7f, 0);
        Assert.Same(still, new StillHoldRelabeler(Classes, new TemporalOptions { StillPhaseMagnitude = 0 }).Push(still));
        // A model without a plank class has nothing to hand over to.
        var noPlank = new FramePrediction(0, TimeSpan.Zero, [0.2f, 0.7f, 0.1f], [], [0, 0]);
        Assert.Same(noPlank, new StillHoldRelabeler(["idle", "push_up", "squat"], new TemporalOptions()).Push(noPlank));
    }
}
