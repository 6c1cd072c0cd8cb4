namespace LiveWorkout.Learning.Models;

/// <summary>Learning-rate schedule names the trainer understands.</summary>
public static class ScheduleNames
{
    public const string Constant = "constant";
    public const string Step = "step";
    public const string Cosine = "cosine";
    public static IReadOnlyList<string> All { get; } = [Constant, Step, Cosine];
}
