using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic.Tests;

public sealed class IdleMotionTests
{
    [Theory]
    [InlineData(4, 1)]
    [InlineData(8, 1)]
    [InlineData(12, 2)]
    [InlineData(30, 2)]
    public void A_rest_with_a_bottle_has_one_or_two_sips_not_a_rhythm(double seconds, int sips)
    {
        // A steady rhythm of one arm raised and lowered is what a set of alternating curls looks like.
        var drinking = new IdleMotion(IdleActivity.Drinking);
        int raises = 0;
        bool raised = false;
        double upFor = 0, longest = 0;
        for (double t = 0; t <= seconds; t += 0.05)
        {
            bool up = drinking.AtTime(t, seconds).RightArm.UpperFlexion > 45;
            if (up && !raised) raises++;
            upFor = up ? upFor + 0.05 : 0;
            longest = Math.Max(longest, upFor);
            raised = up;
        }
        Assert.Equal(sips, raises);
        Assert.True(longest >= 1.2, $"a sip holds the bottle at the mouth for {longest:0.00} s");
        Assert.True(drinking.AtTime(0, seconds).RightArm.UpperFlexion < 20, "the rest starts with the bottle down");
        Assert.True(drinking.AtTime(seconds, seconds).RightArm.UpperFlexion < 20, "the rest ends with the bottle down");
    }
}
