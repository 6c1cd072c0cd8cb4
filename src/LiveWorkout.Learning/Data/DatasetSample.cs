namespace LiveWorkout.Learning.Data;

/// <summary>
/// One labelled image. <see cref="Group"/> ties samples that must share a split (frames of one
/// clip, photos of one exercise); <see cref="Split"/> is empty until the dataset is split.
/// </summary>
public sealed record DatasetSample(string Path, string Class, int Label, string Group, string Split = "");
