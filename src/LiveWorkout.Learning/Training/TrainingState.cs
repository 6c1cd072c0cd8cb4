using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Learning.Training;

/// <summary>Where a run stands: completed epochs, best so far, history and the options that produced it.</summary>
public sealed record TrainingState(
    int CompletedEpochs,
    double BestValidationAccuracy,
    int BestEpoch,
    int EpochsWithoutImprovement,
    IReadOnlyList<EpochRecord> History,
    IReadOnlyList<string> Classes,
    InputSpec Input,
    TrainingOptions Options);
