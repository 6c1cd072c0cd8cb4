using LiveWorkout.Learning.Packaging;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>What <c>liveworkout train-landmarks</c> was asked to do.</summary>
public sealed record LandmarkRunOptions(string Output, string Device, SyntheticLandmarkOptions Data, HeadTrainingOptions Training, PoseSpec Pose);
