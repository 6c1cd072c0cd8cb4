namespace LiveWorkout.Synthetic;

public static class Joints
{
    public const int Count = 18;

    /// <summary>snake_case names as written to joints CSV files.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "pelvis", "spine", "neck", "head",
        "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
        "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "left_foot", "right_foot",
    ];
}
