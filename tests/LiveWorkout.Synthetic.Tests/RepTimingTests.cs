using LiveWorkout.Synthetic;
using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic.Tests;

/// <summary>Rep times in the labels must fall on the cycle's extreme as the joints show it.</summary>
public sealed class RepTimingTests
{
    [Theory]
    [InlineData("squat", Joint.Pelvis, false)]   // hips lowest
    [InlineData("push_up", Joint.Spine, false)]  // chest lowest
    [InlineData("pull_up", Joint.Head, true)]    // chin highest
    [InlineData("sit_up", Joint.Neck, true)]     // trunk most upright
    [InlineData("shoulder_press", Joint.LeftWrist, true)]
    public void Rep_time_is_the_joint_extreme(string exercise, Joint joint, bool highest)
    {
        var script = new SessionScript([new IdleSegment(IdleActivity.Standing, 2), new SetSegment(exercise, 4, 1.1, 0.9)], 30);
        var timeline = new ScriptTimeline(script, new Random(3));
        var solver = new BodySolver(SyntheticPerson.Random(new Random(4)));
        var set = Assert.Single(timeline.Labels.Sets);
        Assert.Equal(4, set.RepTimes.Count);

        // Each rep owns the time between the midpoints of its neighbours; search it at 240 Hz.
        var bounds = new List<double> { set.Start.TotalSeconds };
        for (int i = 1; i < set.RepTimes.Count; i++) bounds.Add((set.RepTimes[i - 1].TotalSeconds + set.RepTimes[i].TotalSeconds) / 2);
        bounds.Add(set.End.TotalSeconds);
        for (int rep = 0; rep < set.RepTimes.Count; rep++)
        {
            double best = double.NaN, bestValue = highest ? double.MinValue : double.MaxValue;
            for (double t = bounds[rep]; t <= bounds[rep + 1]; t += 1.0 / 240)
            {
                double y = solver.Solve(timeline.AnglesAt(t), Vec3.Zero)[joint].Y;
                if (highest ? y > bestValue : y < bestValue) { bestValue = y; best = t; }
            }
            Assert.InRange(best, set.RepTimes[rep].TotalSeconds - 1.0 / 60, set.RepTimes[rep].TotalSeconds + 1.0 / 60);
        }

        // And the extreme is a real movement, not noise: the joint travels at least 15 cm in the set.
        double start = solver.Solve(timeline.AnglesAt(set.Start.TotalSeconds), Vec3.Zero)[joint].Y;
        double atRep = solver.Solve(timeline.AnglesAt(set.RepTimes[0].TotalSeconds), Vec3.Zero)[joint].Y;
        Assert.True(Math.Abs(atRep - start) > 0.15, $"{joint} moves only {Math.Abs(atRep - start):0.000} m");
    }
}
