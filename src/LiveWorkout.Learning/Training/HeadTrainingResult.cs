using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// A trained head and what it was measured at. <see cref="FrameValidationAccuracy"/> is the
/// CNN alone on the same validation frames: the head earns its place only if it beats that.
/// </summary>
public sealed record HeadTrainingResult(
    TemporalHead Head, IReadOnlyList<HeadEpoch> History, int BestEpoch, double ValidationAccuracy, double FrameValidationAccuracy,
    int TrainClips, int ValidationClips, int TrainWindows, int ValidationWindows);
