using LiveWorkout.Core.Pose;
using LiveWorkout.Synthetic;
using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic.Tests;

/// <summary>
/// The pose model names a body's sides by what the picture shows: a person facing the camera has
/// their left shoulder on the picture's right, one seen from behind on its left, and a mirrored
/// (selfie) picture looks like an unmirrored one. The synthetic landmarks a landmark model learns
/// from must name the sides the same way.
/// </summary>
public sealed class SyntheticLandmarksTests
{
    [Theory]
    [InlineData(0, false, true)]
    [InlineData(0, true, true)]
    [InlineData(180, false, false)]
    [InlineData(180, true, false)]
    [InlineData(10, true, true)]
    [InlineData(170, true, false)]
    public void The_left_shoulder_is_on_the_pictures_right_exactly_when_the_person_faces_the_camera(double azimuth, bool mirror, bool onTheRight)
    {
        var rng = new Random(3);
        var person = SyntheticPerson.Random(rng);
        var pose = new BodySolver(person).Solve(MotionSampling.RandomMoment(new SquatMotion(), rng), Vec3.Zero);
        var camera = SyntheticCamera.Orbit(pose[Joint.Pelvis], azimuth, 10, 3, 0, 640, 480, mirror);
        var frame = new float[PoseFrame.Length];
        SyntheticLandmarks.Write(pose, camera, frame);
        Assert.Equal(onTheRight, PoseFrame.X(frame, PoseFrame.LeftShoulder) > PoseFrame.X(frame, PoseFrame.RightShoulder));
        Assert.Equal(onTheRight, PoseFrame.X(frame, PoseFrame.LeftHip) > PoseFrame.X(frame, PoseFrame.RightHip));
    }

    [Fact]
    public void A_person_at_a_pull_up_bar_is_now_and_then_filmed_from_behind_and_others_seldom()
    {
        const int n = 400;
        int barBehind = 0, otherBehind = 0;
        for (int seed = 0; seed < n; seed++)
        {
            if (FromBehind(SceneSpec.Random(new Random(seed), new SceneOptions(), needsBar: true, onFloor: false))) barBehind++;
            if (FromBehind(SceneSpec.Random(new Random(seed), new SceneOptions(), needsBar: false, onFloor: false))) otherBehind++;
            Assert.False(FromBehind(SceneSpec.Random(new Random(seed), new SceneOptions(CameraView.Front), needsBar: true, onFloor: false)));
        }
        Assert.InRange(barBehind, 0.25 * n, 0.45 * n);
        Assert.InRange(otherBehind, 1, 0.08 * n);
    }

    private static bool FromBehind(SceneSpec scene) => SyntheticImageDataset.ViewName(scene.Azimuth) == "rear";
}
