namespace LiveWorkout.Learning.Inference;

/// <summary>
/// Class probabilities (softmax, in <see cref="FrameClassifier.Classes"/> order) and embeddings,
/// one row per frame, and with a phase head each frame's rep phase as (cos, sin); null without one.
/// </summary>
public sealed record ClassifierOutput(float[][] Probabilities, float[][] Embeddings, float[][]? RepPhases = null);
