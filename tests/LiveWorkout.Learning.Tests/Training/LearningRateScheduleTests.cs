using LiveWorkout.Learning.Models;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Tests.Training;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Cosine_within_epochs_starts_at_the_base_rate_falls_steadily_and_ends_at_one_percent()
    {
        const double rate = 2e-3;
        Assert.Equal(rate, LearningRateSchedule.CosineAt(rate, 0, 1), 12);
        Assert.Equal(0.01 * rate, LearningRateSchedule.CosineAt(rate, 1, 1), 12);
        // A one-epoch run is halfway down halfway through its only epoch, where the per-epoch rate stays at the top.
        Assert.Equal(0.505 * rate, LearningRateSchedule.CosineAt(rate, 0.5, 1), 12);
        Assert.Equal(rate, LearningRateSchedule.At(ScheduleNames.Cosine, rate, 0, 1), 12);
        // At whole epochs both give the same rate.
        Assert.Equal(LearningRateSchedule.At(ScheduleNames.Cosine, rate, 3, 8), LearningRateSchedule.CosineAt(rate, 3, 8), 12);
        var rates = Enumerable.Range(0, 101).Select(i => LearningRateSchedule.CosineAt(rate, 2 * i / 100.0, 2)).ToList();
        Assert.All(rates.Zip(rates.Skip(1)), p => Assert.True(p.Second < p.First));
    }
}
