using LiveWorkout.Core.Pose;

namespace LiveWorkout.Synthetic;

/// <summary>
/// The synthetic body's exact joints as the pose model's landmarks: each of BlazePose's 33
/// landmarks placed from the 18 joints (face points from the head and the body's facing, hand
/// points past the wrists, heels and toes from the feet), projected through the clip's camera into
/// a <see cref="PoseFrame"/> with full visibility and presence. The pose model does not put its
/// landmarks on a skeleton's joint centres: on rendered bodies its elbows, wrists, knees and ankles
/// sit a little back up each limb (<see cref="Calibration"/>), so they are placed where it would
/// put them. Through a mirrored camera (a selfie view) each landmark carries the side the pose
/// model gives it in the mirrored picture, which is the body's other side.
/// </summary>
public static class SyntheticLandmarks
{
    /// <summary>
    /// Where the pose model places its landmarks relative to the synthetic joints, as measured on
    /// rendered sessions (median over about 1,400 visible limbs): each limb's far landmark lies this
    /// share of the limb back towards its near joint.
    /// </summary>
    public static class Calibration
    {
        public const double Elbow = 0.12, Wrist = 0.14, Knee = 0.07, Ankle = 0.15;
    }

    /// <summary>Writes the <see cref="PoseFrame"/> of <paramref name="pose"/> seen by <paramref name="camera"/> into <paramref name="frame"/>.</summary>
    public static void Write(BodyPose pose, SyntheticCamera camera, Span<float> frame)
    {
        Vec3 J(Joint j) => pose[j];
        Vec3 up = (J(Joint.Neck) - J(Joint.Pelvis)).Normalized();
        Vec3 left = (J(Joint.LeftShoulder) - J(Joint.RightShoulder)).Normalized();
        Vec3 forward = Vec3.Cross(left, up).Normalized();
        Vec3 head = J(Joint.Head);
        Vec3 face = head + forward * 0.08;

        PoseFrame.SetHeader(frame, 1, camera.Width, camera.Height);
        var points = new Vec3[PoseFrame.Landmarks];
        void Set(int landmark, Vec3 p) => points[landmark] = p;

        Set(PoseFrame.Nose, face - up * 0.02);
        for (int side = 0; side < 2; side++)
        {
            double s = side == 0 ? 1 : -1; // the person's left is +left
            int eyeInner = side == 0 ? 1 : 4;
            Set(eyeInner, face + up * 0.03 + left * (s * 0.015));
            Set(eyeInner + 1, face + up * 0.03 + left * (s * 0.032));
            Set(eyeInner + 2, face + up * 0.03 + left * (s * 0.048));
            Set(7 + side, head + left * (s * 0.075));
            Set(9 + side, face - up * 0.045 + left * (s * 0.022));

            Joint shoulder = side == 0 ? Joint.LeftShoulder : Joint.RightShoulder;
            Joint elbow = side == 0 ? Joint.LeftElbow : Joint.RightElbow;
            Joint wrist = side == 0 ? Joint.LeftWrist : Joint.RightWrist;
            Joint hip = side == 0 ? Joint.LeftHip : Joint.RightHip;
            Joint knee = side == 0 ? Joint.LeftKnee : Joint.RightKnee;
            Joint ankle = side == 0 ? Joint.LeftAnkle : Joint.RightAnkle;
            Joint foot = side == 0 ? Joint.LeftFoot : Joint.RightFoot;
            Set(PoseFrame.LeftShoulder + side, J(shoulder));
            Set(PoseFrame.LeftElbow + side, Vec3.Lerp(J(elbow), J(shoulder), Calibration.Elbow));
            Set(PoseFrame.LeftWrist + side, Vec3.Lerp(J(wrist), J(elbow), Calibration.Wrist));
            Vec3 hand = (J(wrist) - J(elbow)).Normalized();
            Set(17 + side, J(wrist) + hand * 0.07 - left * (s * 0.03)); // pinky
            Set(19 + side, J(wrist) + hand * 0.09);                      // index
            Set(21 + side, J(wrist) + hand * 0.04 + left * (s * 0.03)); // thumb
            Set(PoseFrame.LeftHip + side, J(hip));
            Set(PoseFrame.LeftKnee + side, Vec3.Lerp(J(knee), J(hip), Calibration.Knee));
            Set(PoseFrame.LeftAnkle + side, Vec3.Lerp(J(ankle), J(knee), Calibration.Ankle));
            Vec3 toes = (J(foot) - J(ankle)).Normalized();
            Set(PoseFrame.LeftHeel + side, J(ankle) - toes * 0.06);
            Set(PoseFrame.LeftFootIndex + side, J(foot));
        }
        for (int i = 0; i < points.Length; i++)
        {
            var q = camera.Project(points[i]);
            // A mirrored picture shows the body's left where a right would be, and the pose model names sides by what it sees.
            int landmark = camera.Mirror ? PoseFrame.MirrorOf(i) : i;
            PoseFrame.SetLandmark(frame, landmark, (float)q.X, (float)q.Y, q.InFront ? 1 : 0);
        }
    }
}
