using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>What <c>liveworkout train-landmarks</c> was asked to do.</summary>
/// <param name="PoseData">Folder of <see cref="PoseClipFile"/>s (rendered sessions or labelled clips as the pose stage saw them) to train on beside <paramref name="Data"/>, or null.</param>
/// <param name="PoseDataCopies">How many times each pose-data clip is trained on (each copy draws its own mirror): a few real clips weigh little beside thousands of synthetic sessions otherwise.</param>
/// <param name="MoreExercises">A second landmark package whose other exercises the new one adds, or null.</param>
public sealed record LandmarkRunOptions(string Output, string Device, SyntheticLandmarkOptions Data, HeadTrainingOptions Training, PoseSpec Pose, string? PoseData = null, int PoseDataCopies = 1,
    MoreExercisesSpec? MoreExercises = null);
