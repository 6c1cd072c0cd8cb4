using LiveWorkout.Core.Pose;
using OpenCvSharp;

namespace LiveWorkout.Vision.Overlay;

/// <summary>Draws a <see cref="PoseFrame"/>'s skeleton on a frame: bones between confident landmarks, joints as dots.</summary>
public static class SkeletonOverlay
{
    private static readonly Scalar Bone = new(80, 220, 255);
    private static readonly Scalar Joint = new(255, 255, 255);

    /// <summary>Landmarks less visible than this are left out.</summary>
    private const float MinVisibility = 0.3f;

    public static void Draw(Mat frame, ReadOnlySpan<float> pose)
    {
        if (PoseFrame.Presence(pose) < LandmarkFeatures.PresenceThreshold) return;
        // Landmarks are in the pixels of the frame the pose stage saw; scale if this one differs.
        double sx = PoseFrame.Width(pose) > 0 ? frame.Width / PoseFrame.Width(pose) : 1, sy = PoseFrame.Height(pose) > 0 ? frame.Height / PoseFrame.Height(pose) : 1;
        int thickness = Math.Max(2, frame.Width / 320);
        Point At(ReadOnlySpan<float> p, int i) => new(PoseFrame.X(p, i) * sx, PoseFrame.Y(p, i) * sy);
        foreach (var (a, b) in PoseFrame.Bones)
        {
            if (PoseFrame.Visibility(pose, a) < MinVisibility || PoseFrame.Visibility(pose, b) < MinVisibility) continue;
            Cv2.Line(frame, At(pose, a), At(pose, b), Bone, thickness, LineTypes.AntiAlias);
        }
        foreach (int i in LandmarkFeatures.Points)
        {
            if (PoseFrame.Visibility(pose, i) < MinVisibility) continue;
            Cv2.Circle(frame, At(pose, i), thickness + 1, Joint, -1, LineTypes.AntiAlias);
        }
    }
}
