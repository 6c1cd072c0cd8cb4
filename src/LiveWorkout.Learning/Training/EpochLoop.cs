using System.Diagnostics;
using TorchSharp.Modules;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// The epoch loop every trainer runs (<see cref="Trainer"/> for the CNN, <see cref="HeadTrainer"/>
/// for the temporal and phase heads): before each epoch the optimizer's learning rate is set from
/// the schedule, the trainer's own pass trains (each step through <see cref="SafeTrainingStep"/>)
/// and scores the result on validation data, and an epoch improves when it is the first or beats
/// the best score so far. Runs on the calling thread.
/// </summary>
public static class EpochLoop
{
    /// <summary>
    /// Runs the epochs after <paramref name="from"/> up to <paramref name="epochs"/>.
    /// <paramref name="epoch"/> trains zero-based epoch i at learning rate r and returns its
    /// validation score; <paramref name="done"/> then gets the new standing, whether the epoch
    /// improved, the rate and the epoch's seconds. With <paramref name="patience"/> above 0 the loop
    /// stops once that many epochs in a row have not improved, after telling <paramref name="stopping"/>.
    /// </summary>
    /// <returns>The standing after the last epoch run.</returns>
    public static EpochStanding Run(
        OptimizerHelper optimizer, string schedule, double learningRate, int epochs, int patience, EpochStanding from,
        Func<int, double, double> epoch, Action<EpochStanding, bool, double, double> done, Action<EpochStanding>? stopping = null)
    {
        var standing = from;
        for (int i = from.CompletedEpochs; i < epochs; i++)
        {
            if (patience > 0 && standing.EpochsWithoutImprovement >= patience)
            {
                stopping?.Invoke(standing);
                break;
            }
            var watch = Stopwatch.StartNew();
            double rate = LearningRateSchedule.At(schedule, learningRate, i, epochs);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
            double score = epoch(i, rate);
            bool improved = standing.BestEpoch == 0 || score > standing.BestScore;
            standing = new EpochStanding(
                i + 1,
                improved ? score : standing.BestScore,
                improved ? i + 1 : standing.BestEpoch,
                improved ? 0 : standing.EpochsWithoutImprovement + 1,
                score);
            done(standing, improved, rate, watch.Elapsed.TotalSeconds);
        }
        return standing;
    }
}
