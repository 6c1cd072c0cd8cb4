namespace LiveWorkout.Core.Tests;

/// <summary>One display name per exercise, and every way people spell it leads back to its label.</summary>
public sealed class ExerciseCatalogTests
{
    [Theory]
    [InlineData("push_up")]
    [InlineData("Push Up")]
    [InlineData("push-up")]
    [InlineData("Push-up")]
    [InlineData("pushup")]
    [InlineData("PUSHUPS")]
    [InlineData(" push ups ")]
    public void Any_spelling_of_push_up_is_push_up(string spelling) => Assert.Equal("push_up", ExerciseCatalog.Parse(spelling));

    [Theory]
    [InlineData("Jumping jacks", "jumping_jack")]
    [InlineData("bicep-curl", "bicep_curl")]
    [InlineData("SHOULDER PRESS", "shoulder_press")]
    [InlineData("situp", "sit_up")]
    [InlineData("Leg raises", "leg_raise")]
    [InlineData("t-bar row", "t_bar_row")]
    [InlineData("Tricep Dips", "tricep_dip")]
    [InlineData("Hammer curls", "bicep_curl")]
    [InlineData("yoga", null)]
    [InlineData("", null)]
    public void Spellings_of_other_exercises(string spelling, string? label) => Assert.Equal(label, ExerciseCatalog.Parse(spelling));

    [Fact]
    public void Every_exercise_has_one_display_name_that_parses_back()
    {
        foreach (string label in ExerciseCatalog.All)
            Assert.Equal(label, ExerciseCatalog.Parse(ExerciseCatalog.DisplayName(label)));
        Assert.Equal("Push-up", ExerciseCatalog.DisplayName("push_up"));
        Assert.Equal("Jumping jack", ExerciseCatalog.DisplayName("jumping_jack"));
        Assert.Equal("Front raise", ExerciseCatalog.DisplayName("front_raise")); // another model's class
    }

    [Fact]
    public void Confusable_pairs_are_two_different_exercises_of_the_catalogue_each_pair_once()
    {
        var pairs = ExerciseCatalog.ConfusablePairs;
        Assert.Contains(("bench_press", "incline_bench_press"), pairs);
        Assert.Contains(("deadlift", "romanian_deadlift"), pairs);
        foreach (var (first, second) in pairs)
        {
            Assert.NotEqual(first, second);
            Assert.True(ExerciseCatalog.IndexOf(first) >= 0 && ExerciseCatalog.IndexOf(second) >= 0, $"{first} / {second}");
            Assert.False(ExerciseCatalog.IsIdle(first) || ExerciseCatalog.IsIdle(second));
        }
        Assert.Equal(pairs.Count, pairs.Select(p => string.CompareOrdinal(p.First, p.Second) < 0 ? p : (p.Second, p.First)).Distinct().Count());
    }

    [Fact]
    public void Holds_running_and_mountain_climbers_are_timed_and_nothing_else_is()
    {
        Assert.Equal(["running", "plank", "mountain_climber"], ExerciseCatalog.All.Where(ExerciseCatalog.IsTimed));
    }

    [Fact]
    public void Vocabularies_are_the_first_ten_all_or_a_list_and_end_with_idle()
    {
        Assert.Equal(["squat", "push_up", "pull_up", "running", "jumping_jack", "lunge", "plank", "sit_up", "bicep_curl", "shoulder_press", "idle"], ExerciseCatalog.Ten);
        Assert.Same(ExerciseCatalog.Ten, ExerciseCatalog.Vocabulary("ten"));
        Assert.Same(ExerciseCatalog.All, ExerciseCatalog.Vocabulary(" ALL "));
        // A list keeps the catalogue's order, however it is spelled, and idle comes last once.
        Assert.Equal(["squat", "deadlift", "idle"], ExerciseCatalog.Vocabulary("Deadlift, squats,idle,squat"));
        var e = Assert.Throws<InvalidInputException>(() => ExerciseCatalog.Vocabulary("squat,yoga"));
        Assert.Contains("no exercise 'yoga'", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => ExerciseCatalog.Vocabulary("idle"));
    }

    [Fact]
    public void The_views_of_the_catalogue_come_from_its_one_table()
    {
        Assert.Equal(
        [
            "squat", "push_up", "pull_up", "running", "jumping_jack", "lunge", "plank", "sit_up", "bicep_curl", "shoulder_press",
            "bench_press", "incline_bench_press", "decline_bench_press", "chest_fly", "deadlift", "romanian_deadlift", "hip_thrust",
            "lat_pulldown", "lateral_raise", "leg_extension", "leg_raise", "russian_twist", "t_bar_row", "tricep_dip", "tricep_pushdown",
            "mountain_climber", "burpee", "idle",
        ], ExerciseCatalog.All);
        Assert.Equal(["plank"], ExerciseCatalog.StaticHolds);
        Assert.Equal(["mountain_climber", "plank", "running"], ExerciseCatalog.Timed.Order());
        Assert.Equal(new Dictionary<string, string> { ["push_up"] = "plank", ["mountain_climber"] = "plank" }, ExerciseCatalog.StillCounterparts);
        Assert.Equal((1.2, 3.3), ExerciseCatalog.RepPeriod("lunge"));
        Assert.Equal((0.45, 1.2), ExerciseCatalog.RepPeriod("running"));
        Assert.Null(ExerciseCatalog.RepPeriod("squat"));
        Assert.Null(ExerciseCatalog.Find("front_raise"));
        foreach (var (_, hold) in ExerciseCatalog.StillCounterparts)
            Assert.True(ExerciseCatalog.Find(hold)!.IsStaticHold);
    }
}
