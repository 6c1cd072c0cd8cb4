using System.Security.Cryptography;

namespace LiveWorkout.Learning.Training;

/// <summary>
/// The CNN embeddings of every n-th frame of one labelled clip (each followed by the frame's
/// <see cref="MotionFeatures"/> when they were asked for: <see cref="EmbeddingSize"/> counts both), with each frame's media time,
/// its label (class index), what the CNN alone predicted and what a phase head should say of it
/// (<see cref="PhaseTargets"/>): what the temporal and phase heads learn from.
/// </summary>
/// <param name="PhaseTargets">
/// Two values per frame: (cos, sin) of the rep phase (<see cref="AnnotatedSet.RepPhaseAt"/>) inside a
/// set with labelled rep times, (0, 0) where nothing is repeated (idle, holds), NaN where the labels
/// do not say (a set whose rep times are not labelled). Null when unknown throughout.
/// </param>
public sealed record ClipEmbeddingSeries(string Clip, double[] Times, int[] Labels, int[] FramePredicted, float[] Embeddings, int EmbeddingSize, float[]? PhaseTargets = null)
{
    public int Count => Times.Length;
}
