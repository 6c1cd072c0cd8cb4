using LiveWorkout.Core;
using LiveWorkout.Core.Annotations;

namespace LiveWorkout.Core.Tests.Annotations;

public sealed class ClipAnnotationTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Csv_round_trips_with_rep_times()
    {
        var original = new ClipAnnotation(
        [
            new AnnotatedSet(S(12.5), S(20), "push_up", 2, [S(15.25), S(18.75)]),
            new AnnotatedSet(S(1), S(10.333), "squat", 3, [S(3), S(6), S(9)]),
            new AnnotatedSet(S(25), S(55), "plank", 0, []),
        ]);
        string csv = original.ToCsv();
        var back = ClipAnnotation.Parse(csv.Split('\n'));
        Assert.Equal(csv, back.ToCsv());
        Assert.Equal("squat", back.Sets[0].Exercise); // sorted by start
        Assert.Equal([S(3), S(6), S(9)], back.Sets[0].RepTimes);
        Assert.StartsWith(ClipAnnotation.Header, csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Rep_phase_is_zero_at_each_rep_and_wraps_halfway_between_reps()
    {
        // Reps at 3, 6 and 9 s of a set from 1.5 to 10.5 s: each rep spans 3 s around its time.
        var set = new AnnotatedSet(S(1.5), S(10.5), "squat", 3, [S(3), S(6), S(9)]);
        foreach (double rep in new[] { 3.0, 6.0, 9.0 })
            Assert.Equal(0, set.RepPhaseAt(S(rep))!.Value, 9);
        Assert.Equal(-Math.PI, set.RepPhaseAt(S(1.5))!.Value, 9);   // the set's start: the first rep begins
        Assert.Equal(-Math.PI, set.RepPhaseAt(S(4.5))!.Value, 9);   // the second rep begins halfway between the first two
        Assert.Equal(-Math.PI / 2, set.RepPhaseAt(S(5.25))!.Value, 9);
        Assert.Equal(Math.PI / 2, set.RepPhaseAt(S(9.75))!.Value, 9);
        Assert.Null(set.RepPhaseAt(S(1.4)));
        Assert.Null(set.RepPhaseAt(S(10.5)));
        Assert.Null(new AnnotatedSet(S(0), S(60), "plank", 0, []).RepPhaseAt(S(30)));

        // Uneven reps: the phase runs at each rep's own pace.
        var uneven = new AnnotatedSet(S(0), S(7), "squat", 2, [S(1), S(4)]);
        Assert.Equal(-Math.PI / 2, uneven.RepPhaseAt(S(0.5))!.Value, 9);
        Assert.Equal(Math.PI / 2, uneven.RepPhaseAt(S(5.5))!.Value, 9);
    }

    [Theory]
    [InlineData(0.5, "idle")]
    [InlineData(1.0, "squat")]
    [InlineData(9.99, "squat")]
    [InlineData(10.0, "idle")]
    [InlineData(12.0, "push_up")]
    public void Time_outside_every_row_is_idle(double seconds, string expected)
    {
        var a = ClipAnnotation.Parse(["start_s,end_s,exercise,reps", "1,10,squat,5", "12,20,push_up,8"]);
        Assert.Equal(expected, a.LabelAt(S(seconds)));
    }

    [Theory]
    [InlineData("1,10,squat", "expected start_s")]
    [InlineData("x,10,squat,3", "'x' is not a time")]
    [InlineData("5,4,squat,3", "is not after start")]
    [InlineData("1,4,squat,three", "is not a whole number")]
    public void Malformed_rows_are_refused_with_the_line_number(string row, string message)
    {
        var e = Assert.ThrowsAny<LiveWorkoutException>(() => ClipAnnotation.Parse(["start_s,end_s,exercise,reps", row], "clip.labels.csv"));
        Assert.Contains("clip.labels.csv line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_sets_are_refused()
    {
        Assert.ThrowsAny<LiveWorkoutException>(() => ClipAnnotation.Parse(["1,10,squat,5", "9,20,push_up,8"]));
    }

    [Fact]
    public void The_labels_file_sits_beside_the_clip()
    {
        Assert.Equal(Path.Combine("recordings", "demo.labels.csv"), ClipAnnotation.PathFor(Path.Combine("recordings", "demo.mp4")));
    }
}
