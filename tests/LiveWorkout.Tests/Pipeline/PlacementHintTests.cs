using LiveWorkout.Core.Pose;
using LiveWorkout.Pipeline;

namespace LiveWorkout.Tests.Pipeline;

public sealed class PlacementHintTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>
    /// A standing person in a 640x480 frame, torso 100 px, shoulders <paramref name="shoulderWidth"/>
    /// px apart (70 facing the camera, 10 side-on), the wrists raised by <paramref name="lift"/> px
    /// (a curl), the knees 300 px and the ankles <paramref name="ankleY"/> down the picture.
    /// </summary>
    private static float[] Person(float shoulderWidth, float lift, float ankleY = 400)
    {
        var frame = new float[PoseFrame.Length];
        PoseFrame.SetHeader(frame, 0.99f, 640, 480);
        void Set(int l, float x, float y) => PoseFrame.SetLandmark(frame, l, x, y, 0.9f);
        float half = shoulderWidth / 2;
        Set(PoseFrame.Nose, 320, 80);
        Set(PoseFrame.LeftShoulder, 320 + half, 100);
        Set(PoseFrame.RightShoulder, 320 - half, 100);
        Set(PoseFrame.LeftElbow, 320 + half, 150);
        Set(PoseFrame.RightElbow, 320 - half, 150);
        Set(PoseFrame.LeftWrist, 320 + half, 200 - lift);
        Set(PoseFrame.RightWrist, 320 - half, 200 - lift);
        Set(PoseFrame.LeftHip, 335, 200);
        Set(PoseFrame.RightHip, 305, 200);
        Set(PoseFrame.LeftKnee, 335, 300);
        Set(PoseFrame.RightKnee, 305, 300);
        Set(PoseFrame.LeftAnkle, 335, ankleY);
        Set(PoseFrame.RightAnkle, 305, ankleY);
        return frame;
    }

    /// <summary>Feeds looks 0.1 s apart from <paramref name="from"/> to <paramref name="to"/>; the wrists curl once a second when <paramref name="curling"/>.</summary>
    private static string? Run(PlacementHint hint, double from, double to, float shoulderWidth, bool curling, bool setOpen = false, float ankleY = 400)
    {
        string? last = null;
        for (double t = from; t < to - 1e-9; t += 0.1)
        {
            float lift = curling ? 40 * (1 - MathF.Cos(2 * MathF.PI * (float)t)) : 0;
            last = hint.Update(Person(shoulderWidth, lift, ankleY), setOpen, S(t));
        }
        return last;
    }

    [Fact]
    public void A_person_facing_the_camera_who_moves_with_no_set_open_is_told_to_turn_after_a_while()
    {
        var hint = new PlacementHint();
        Assert.Null(Run(hint, 0, 4.5, shoulderWidth: 70, curling: true));
        Assert.Equal(PlacementHint.FrontText, Run(hint, 4.5, 6, shoulderWidth: 70, curling: true));
        Assert.Null(Run(hint, 6, 6.5, shoulderWidth: 70, curling: true, setOpen: true));  // recognised: no advice
        Assert.Null(Run(hint, 6.5, 8, shoulderWidth: 10, curling: true));                 // turned side-on
    }

    [Fact]
    public void Nobody_is_advised_who_stands_still_facing_the_camera_or_moves_side_on()
    {
        var still = new PlacementHint();
        Assert.Null(Run(still, 0, 20, shoulderWidth: 70, curling: false));
        var sideOn = new PlacementHint();
        Assert.Null(Run(sideOn, 0, 20, shoulderWidth: 10, curling: true));
    }

    [Fact]
    public void A_person_whose_feet_are_below_the_picture_is_told_to_step_back()
    {
        var hint = new PlacementHint();
        Assert.Equal(PlacementHint.LegsText, Run(hint, 0, 6, shoulderWidth: 10, curling: true, ankleY: 560));
        // Only the legs out of the picture moving (the pose model's guesses) is not motion.
        var guessed = new PlacementHint();
        for (double t = 0; t < 8; t += 0.1)
            Assert.Null(guessed.Update(Person(10, 0, ankleY: 560 + 60 * MathF.Sin(3 * (float)t)), setOpen: false, S(t)));
    }

    [Fact]
    public void The_wait_starts_again_when_the_person_is_lost()
    {
        var hint = new PlacementHint();
        Assert.Null(Run(hint, 0, 3, shoulderWidth: 70, curling: true));
        var nobody = new float[PoseFrame.Length];
        PoseFrame.SetEmpty(nobody, 640, 480);
        Assert.Null(hint.Update(nobody, setOpen: false, S(3)));
        Assert.Null(Run(hint, 3.1, 7.5, shoulderWidth: 70, curling: true));
        Assert.Equal(PlacementHint.FrontText, Run(hint, 7.5, 9, shoulderWidth: 70, curling: true));
    }
}
