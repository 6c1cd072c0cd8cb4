using LiveWorkout.Synthetic.Motions;

namespace LiveWorkout.Synthetic;

/// <summary>Picks postures out of a motion: random moments for still images, and a spread of postures to frame the camera on.</summary>
public static class MotionSampling
{
    /// <summary>Seconds an idle activity lasts when sampled for a still image.</summary>
    private const double IdleSpan = 8;

    public static BodyAngles RandomMoment(ExerciseMotion motion, Random rng)
    {
        if (motion is IdleMotion idle) return idle.AtTime(rng.NextDouble() * IdleSpan, IdleSpan);
        return motion.At(rng.NextDouble(), 0.75 + rng.NextDouble() * 0.25, rng.Next(2));
    }

    /// <summary>Postures covering the motion's whole range (both sides of alternating reps), for framing.</summary>
    public static IReadOnlyList<BodyPose> Spread(ExerciseMotion motion, BodySolver solver, Vec3 anchor)
    {
        var poses = new List<BodyPose> { solver.Solve(motion.Start, anchor) };
        for (int i = 0; i < 12; i++)
        {
            double phase = i / 12.0;
            if (motion is IdleMotion idle) poses.Add(solver.Solve(idle.AtTime(phase * IdleSpan, IdleSpan), anchor));
            else for (int rep = 0; rep < 2; rep++) poses.Add(solver.Solve(motion.At(phase, 1, rep), anchor));
        }
        return poses;
    }
}
