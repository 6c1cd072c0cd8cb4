namespace LiveWorkout.Core.Recognition;

/// <summary>
/// The classifier's output for one frame: class probabilities in the model's class order and
/// the penultimate-layer embedding (for rep counting). Managed arrays only: tensors never
/// leave the inference thread.
/// </summary>
/// <param name="Index">Frame number in the source, from 0.</param>
/// <param name="Time">Media time (replay) or monotonic capture time (live) of the frame.</param>
/// <param name="Probabilities">Softmax output, one entry per class of the model.</param>
/// <param name="Embedding">Penultimate-layer features, or empty when the model gives none.</param>
/// <param name="RepPhase">
/// The model's estimate of where in a rep the frame is, as (cos, sin) of the rep phase (see
/// <c>AnnotatedSet.RepPhaseAt</c>), or null when the model has no phase head.
/// </param>
public sealed record FramePrediction(long Index, TimeSpan Time, float[] Probabilities, float[] Embedding, float[]? RepPhase = null)
{
    /// <summary>Index of the most probable class.</summary>
    public int TopClass => TopIndex(Probabilities);

    /// <summary>Index of the largest value (the first of equals).</summary>
    public static int TopIndex(ReadOnlySpan<float> probabilities)
    {
        int best = 0;
        for (int i = 1; i < probabilities.Length; i++)
            if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }
}
