using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Evaluation;

/// <summary>A labelled set and the predicted set matched to it.</summary>
public sealed record SetMatch(AnnotatedSet Truth, RecognizedSet Predicted, double Iou)
{
    /// <summary>Predicted minus true onset, seconds (positive: recognised late).</summary>
    public double OnsetDelaySeconds => (Predicted.Start - Truth.Start).TotalSeconds;

    /// <summary>Predicted minus true end, seconds.</summary>
    public double OffsetDelaySeconds => (Predicted.End - Truth.End).TotalSeconds;

    public int RepError => Predicted.Reps - Truth.Reps;
}
