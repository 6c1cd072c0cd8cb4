namespace LiveWorkout.Learning.Training;

/// <summary>
/// Where a training stands after an epoch: epochs done, the best validation score and its epoch,
/// and how many epochs in a row have not beaten it (what early stopping and a resumed run need).
/// </summary>
/// <param name="Score">The validation score of the epoch just done (higher is better).</param>
public readonly record struct EpochStanding(int CompletedEpochs, double BestScore, int BestEpoch, int EpochsWithoutImprovement, double Score = double.NaN);
