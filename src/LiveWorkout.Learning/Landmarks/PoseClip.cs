using LiveWorkout.Core.Pose;
using LiveWorkout.Learning.Training;

namespace LiveWorkout.Learning.Landmarks;

/// <summary>
/// A clip's landmarks as a pose model saw them, ready to train on: each kept frame's time, its
/// <see cref="PoseFrame"/>, its label (an exercise name) and its rep phase target.
/// </summary>
/// <param name="Clip">Where the clip came from, for messages (for example <c>rendered:9000</c>).</param>
/// <param name="Frames"><see cref="PoseFrame.Length"/> floats per time.</param>
/// <param name="PhaseTargets">Two values per frame, as in <see cref="ClipEmbeddingSeries.PhaseTargets"/>.</param>
public sealed record PoseClip(string Clip, double[] Times, float[] Frames, string[] Labels, float[] PhaseTargets)
{
    public int Count => Times.Length;

    /// <summary>Share of the frames in which the pose stage found the person.</summary>
    public double FoundShare
    {
        get
        {
            int found = 0;
            for (int i = 0; i < Count; i++)
                if (Frames[i * PoseFrame.Length] >= LandmarkFeatures.PresenceThreshold) found++;
            return Count == 0 ? 0 : found / (double)Count;
        }
    }

    /// <summary>The training series of this clip for a model of <paramref name="classes"/>, seen in a mirror when <paramref name="mirror"/>.</summary>
    public ClipEmbeddingSeries ToSeries(IReadOnlyList<string> classes, bool mirror = false)
    {
        var frames = Frames;
        if (mirror)
        {
            frames = new float[Frames.Length];
            for (int i = 0; i < Count; i++)
                PoseFrame.Mirror(Frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length), frames.AsSpan(i * PoseFrame.Length, PoseFrame.Length));
        }
        var phases = PhaseTargets;
        if (mirror)
        {
            phases = (float[])PhaseTargets.Clone();
            TurnHalfACycle(Labels, phases, _ => true);
        }
        return SyntheticLandmarkClips.Series(mirror ? Clip + ":mirror" : Clip, Times, frames, Labels, phases, classes);
    }

    /// <summary>Frames of <paramref name="exercises"/> become idle, with no rep phase to follow: a model learns them as none of its own.</summary>
    public void LabelIdle(IReadOnlyCollection<string> exercises)
    {
        for (int i = 0; i < Labels.Length; i++)
        {
            if (!exercises.Contains(Labels[i])) continue;
            Labels[i] = Core.ExerciseCatalog.Idle;
            PhaseTargets[2 * i] = 0;
            PhaseTargets[2 * i + 1] = 0;
        }
    }

    /// <summary>
    /// Where <paramref name="otherSide"/> says a frame's left and right landmarks show the body's
    /// other side, turns the phase target of an exercise whose rep spans both sides
    /// (<see cref="Core.ExerciseInfo.RepSpansBothSides"/>) by half a cycle, so it follows what is seen.
    /// </summary>
    public void TurnPhasesSeenFromTheOtherSide(Func<int, bool> otherSide) => TurnHalfACycle(Labels, PhaseTargets, otherSide);

    private static void TurnHalfACycle(string[] labels, float[] phases, Func<int, bool> otherSide)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (!otherSide(i) || !Core.ExerciseCatalog.RepSpansBothSides(labels[i])) continue;
            // (cos, sin) of phase + pi; (0, 0) and unknown (NaN) stay as they are.
            phases[2 * i] = -phases[2 * i];
            phases[2 * i + 1] = -phases[2 * i + 1];
        }
    }
}
