using LiveWorkout.Synthetic;

namespace LiveWorkout.Synthetic.Tests;

public sealed class SeedMixTests
{
    [Fact]
    public void Children_of_different_parent_seeds_do_not_repeat_each_other()
    {
        // The default model trained on sessions Of(41, 0..1599); the evaluation clips are Of(200, i),
        // the learnability test set Of(52, c, g) against training Of(51, c, g).
        var training = Enumerable.Range(0, 1600).Select(s => SeedMix.Of(41, s)).ToHashSet();
        Assert.DoesNotContain(Enumerable.Range(0, 200).Select(i => SeedMix.Of(200, i)), training.Contains);
        Assert.DoesNotContain(Enumerable.Range(0, 200).Select(i => SeedMix.Of(42, i)), training.Contains);

        var trainImages = (from c in Enumerable.Range(0, 11) from g in Enumerable.Range(0, 400) select SeedMix.Of(51, c, g)).ToHashSet();
        Assert.DoesNotContain(from c in Enumerable.Range(0, 11) from g in Enumerable.Range(0, 200) select SeedMix.Of(52, c, g), trainImages.Contains);
    }

    [Fact]
    public void Seeds_are_stable_and_spread()
    {
        Assert.Equal(SeedMix.Of(7, 3, 4), SeedMix.Of(7, 3, 4));
        Assert.NotEqual(SeedMix.Of(7, 3, 4), SeedMix.Of(7, 4, 3));
        var many = (from s in Enumerable.Range(0, 50) from p in Enumerable.Range(0, 200) select SeedMix.Of(s, p)).ToList();
        Assert.Equal(many.Count, many.Distinct().Count());
        Assert.All(many, v => Assert.True(v >= 0));
    }
}
