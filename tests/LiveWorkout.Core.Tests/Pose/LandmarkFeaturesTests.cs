using LiveWorkout.Core.Pose;

namespace LiveWorkout.Core.Tests.Pose;

public sealed class LandmarkFeaturesTests
{
    /// <summary>A standing person in a 640x480 frame: shoulders above hips, arms down, image y pointing down.</summary>
    internal static float[] Standing(float dx = 0, float dy = 0, float scale = 1)
    {
        var frame = new float[PoseFrame.Length];
        PoseFrame.SetHeader(frame, 0.9f, 640, 480);
        void Set(int i, float x, float y) => PoseFrame.SetLandmark(frame, i, 320 + dx + x * scale, 240 + dy + y * scale, 0.9f);
        for (int i = 0; i < PoseFrame.Landmarks; i++) Set(i, 0, -110);
        Set(PoseFrame.LeftShoulder, 20, -60); Set(PoseFrame.RightShoulder, -20, -60);
        Set(PoseFrame.LeftElbow, 25, -30); Set(PoseFrame.RightElbow, -25, -30);
        Set(PoseFrame.LeftWrist, 27, 0); Set(PoseFrame.RightWrist, -27, 0);
        Set(PoseFrame.LeftHip, 12, 0); Set(PoseFrame.RightHip, -12, 0);
        Set(PoseFrame.LeftKnee, 13, 50); Set(PoseFrame.RightKnee, -13, 50);
        Set(PoseFrame.LeftAnkle, 14, 100); Set(PoseFrame.RightAnkle, -14, 100);
        return frame;
    }

    private static float[] Features(float[] frame)
    {
        var f = new float[LandmarkFeatures.Size];
        LandmarkFeatures.Compute(frame, f);
        return f;
    }

    [Fact]
    public void Posture_features_do_not_depend_on_where_the_person_stands_or_how_far_the_camera_is()
    {
        var near = Features(Standing());
        var far = Features(Standing(dx: -150, dy: 60, scale: 0.4f));
        int place = LandmarkFeatures.Size - 3; // the hip centre in the frame, then presence
        for (int i = 0; i < place; i++) Assert.Equal(near[i], far[i], 4);
        Assert.Equal(1, near[^1]);
    }

    [Fact]
    public void The_hip_centre_in_the_frame_follows_the_body_in_body_sizes()
    {
        var low = Features(Standing());
        var high = Features(Standing(dy: -60)); // the whole body 60 px (one torso) higher, as at the top of a pull-up
        int place = LandmarkFeatures.Size - 3;
        Assert.Equal(0, low[place], 3);
        Assert.Equal(0, low[place + 1], 3);
        Assert.Equal(-1, high[place + 1], 3);
    }

    [Fact]
    public void An_upright_torso_points_up_and_straight_limbs_have_angles_near_pi()
    {
        var f = Features(Standing());
        int torso = 2 * LandmarkFeatures.Points.Count + 8;
        Assert.Equal(0, f[torso], 3);
        Assert.Equal(-1, f[torso + 1], 3); // image y grows downwards
        Assert.True(f[2 * LandmarkFeatures.Points.Count + 2] > 0.95f, "knees straight");
        Assert.Equal(1, f[^1]);
    }

    /// <summary>
    /// A person filmed from the thighs up: the pose model only guesses the legs, here bent as in a
    /// lunge, below the frame. Those legs are taken as straight on from the torso; the same lunge
    /// inside the frame is left as it is.
    /// </summary>
    [Fact]
    public void Legs_below_the_frame_are_taken_as_straight()
    {
        float[] Lunging(float dy)
        {
            var frame = Standing(dy: dy);
            PoseFrame.SetLandmark(frame, PoseFrame.LeftKnee, 320 + 50, 240 + dy + 35, 0.3f);
            PoseFrame.SetLandmark(frame, PoseFrame.LeftAnkle, 320 + 50, 240 + dy + 85, 0.2f);
            PoseFrame.SetLandmark(frame, PoseFrame.RightKnee, 320 - 40, 240 + dy + 45, 0.3f);
            PoseFrame.SetLandmark(frame, PoseFrame.RightAnkle, 320 - 40, 240 + dy + 95, 0.2f);
            return frame;
        }
        int knees = 2 * LandmarkFeatures.Points.Count + 2;
        var cut = Features(Lunging(dy: 230)); // hips 10 px above the frame's bottom edge
        Assert.True(cut[knees] > 0.99f && cut[knees + 1] > 0.99f, $"knee angles {cut[knees] * 180:F0} and {cut[knees + 1] * 180:F0} degrees");
        var standing = Features(Standing(dy: 230));
        for (int i = 0; i < 2 * LandmarkFeatures.Points.Count; i++) Assert.Equal(standing[i], cut[i], 1);

        var inside = Features(Lunging(dy: 0));
        Assert.True(inside[knees] < 0.9f && inside[knees + 1] < 0.9f, "a lunge in the frame keeps its bent knees");
    }

    [Fact]
    public void An_upright_person_with_the_shoulders_wide_apart_faces_the_camera()
    {
        Assert.True(LandmarkFeatures.FacesCamera(Features(Standing())), "shoulders 40 px apart over a 60 px torso");
        Assert.True(LandmarkFeatures.FacesCamera(Features(Standing(dx: 100, scale: 0.5f))), "however far the camera is");

        var sideOn = Standing();
        PoseFrame.SetLandmark(sideOn, PoseFrame.LeftShoulder, 323, 180, 0.9f);
        PoseFrame.SetLandmark(sideOn, PoseFrame.RightShoulder, 317, 180, 0.9f);
        Assert.False(LandmarkFeatures.FacesCamera(Features(sideOn)), "shoulders 6 px apart");

        // The same body lying along the frame (a push-up or a plank) is not upright.
        var lying = Standing();
        for (int i = 0; i < PoseFrame.Landmarks; i++)
            PoseFrame.SetLandmark(lying, i, 320 + (PoseFrame.Y(lying, i) - 240), 240 - (PoseFrame.X(lying, i) - 320), 0.9f);
        Assert.False(LandmarkFeatures.FacesCamera(Features(lying)));

        var nobody = new float[PoseFrame.Length];
        PoseFrame.SetEmpty(nobody, 640, 480);
        Assert.False(LandmarkFeatures.FacesCamera(Features(nobody)));
    }

    [Fact]
    public void A_frame_with_nobody_in_it_is_all_zeros()
    {
        var frame = Standing();
        frame[0] = 0.2f; // presence below the threshold
        Assert.All(Features(frame), v => Assert.Equal(0, v));
        var empty = new float[PoseFrame.Length];
        PoseFrame.SetEmpty(empty, 640, 480);
        Assert.All(Features(empty), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Wild_landmarks_are_clamped()
    {
        var frame = Standing();
        PoseFrame.SetLandmark(frame, PoseFrame.LeftWrist, 1e6f, -1e6f, 0.9f);
        var f = Features(frame);
        Assert.All(f, v => Assert.InRange(v, -4f, 4f));
    }

    [Fact]
    public void Mirroring_twice_gives_the_frame_back_and_swaps_sides_once()
    {
        var frame = Standing(dx: 40);
        var once = new float[PoseFrame.Length];
        var twice = new float[PoseFrame.Length];
        PoseFrame.Mirror(frame, once);
        PoseFrame.Mirror(once, twice);
        Assert.Equal(frame, twice);
        Assert.Equal(640 - PoseFrame.X(frame, PoseFrame.RightWrist), PoseFrame.X(once, PoseFrame.LeftWrist), 3);
        for (int i = 0; i < PoseFrame.Landmarks; i++) Assert.Equal(i, PoseFrame.MirrorOf(PoseFrame.MirrorOf(i)));
        Assert.Equal(PoseFrame.RightAnkle, PoseFrame.MirrorOf(PoseFrame.LeftAnkle));
        Assert.Equal(8, PoseFrame.MirrorOf(7)); // ears
        Assert.Equal(4, PoseFrame.MirrorOf(1)); // inner eyes
    }
}
