using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Training;

/// <summary>The learning rate of an epoch, computed from scratch so a resumed run gets the same value.</summary>
public static class LearningRateSchedule
{
    /// <summary>Rate for zero-based <paramref name="epoch"/>: constant; step (x0.1 every third of the run); cosine to 1% of the base.</summary>
    public static double At(string schedule, double baseRate, int epoch, int epochs) => schedule switch
    {
        ScheduleNames.Step => baseRate * Math.Pow(0.1, epoch / Math.Max(1, (int)Math.Ceiling(epochs / 3.0))),
        ScheduleNames.Cosine => CosineAt(baseRate, epoch, epochs),
        _ => baseRate,
    };

    /// <summary>
    /// The cosine rate at a point inside the run, <paramref name="progress"/> epochs from its start
    /// (2.5: halfway through the third epoch): annealed batch by batch, so a run of one or two epochs
    /// over much data still ends at a low rate.
    /// </summary>
    public static double CosineAt(double baseRate, double progress, int epochs) =>
        baseRate * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * Math.Clamp(progress / Math.Max(1, epochs), 0, 1))));
}
