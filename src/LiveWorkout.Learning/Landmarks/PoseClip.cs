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
        return SyntheticLandmarkClips.Series(mirror ? Clip + ":mirror" : Clip, Times, frames, Labels, PhaseTargets, classes);
    }
}
