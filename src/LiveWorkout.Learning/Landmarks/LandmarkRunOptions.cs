using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>What <c>liveworkout train-landmarks</c> was asked to do.</summary>
/// <param name="PoseData">Folder of <see cref="PoseClipFile"/>s (rendered sessions as the pose stage saw them) to train on beside <paramref name="Data"/>, or null.</param>
public sealed record LandmarkRunOptions(string Output, string Device, SyntheticLandmarkOptions Data, HeadTrainingOptions Training, PoseSpec Pose, string? PoseData = null);
