namespace LiveWorkout.Learning.Training;

/// <summary>What <c>liveworkout train-head</c> was asked to do.</summary>
public sealed record HeadRunOptions(string Model, IReadOnlyList<string> Clips, string Output, string Device, int Every, string? Cache, HeadTrainingOptions Training);
