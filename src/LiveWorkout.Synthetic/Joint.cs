namespace LiveWorkout.Synthetic;

/// <summary>The joints of the synthetic body, in the order of joint arrays and CSV files. Left is the person's own left.</summary>
public enum Joint
{
    Pelvis, Spine, Neck, Head,
    LeftShoulder, RightShoulder, LeftElbow, RightElbow, LeftWrist, RightWrist,
    LeftHip, RightHip, LeftKnee, RightKnee, LeftAnkle, RightAnkle, LeftFoot, RightFoot,
}

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
