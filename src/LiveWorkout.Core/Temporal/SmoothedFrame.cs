using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// A frame after smoothing: the label it counts as (idle when unsure) and the raw label the
/// unsmoothed probabilities give, which the segmenter uses to stamp onsets and ends precisely.
/// </summary>
/// <param name="Frame">The classifier's frame (raw probabilities and embedding).</param>
/// <param name="Probabilities">Smoothed probabilities, in the model's class order.</param>
/// <param name="Label">Smoothed winner, or idle when its probability is below the confidence threshold.</param>
/// <param name="Confidence">Smoothed probability of the best class (also when thresholded to idle).</param>
/// <param name="RawLabel">The same decision on the raw probabilities.</param>
public sealed record SmoothedFrame(FramePrediction Frame, double[] Probabilities, string Label, double Confidence, string RawLabel)
{
    public TimeSpan Time => Frame.Time;

    public bool IsIdle => ExerciseCatalog.IsIdle(Label);
}
