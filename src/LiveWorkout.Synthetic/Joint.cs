namespace LiveWorkout.Synthetic;

/// <summary>The joints of the synthetic body, in the order of joint arrays and CSV files. Left is the person's own left.</summary>
public enum Joint
{
    Pelvis, Spine, Neck, Head,
    LeftShoulder, RightShoulder, LeftElbow, RightElbow, LeftWrist, RightWrist,
    LeftHip, RightHip, LeftKnee, RightKnee, LeftAnkle, RightAnkle, LeftFoot, RightFoot,
}
