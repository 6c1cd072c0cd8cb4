namespace LiveWorkout.Core.Recognition;

/// <summary>What a <see cref="PredictionLog"/> file holds: a clip's every frame as the model saw it.</summary>
/// <param name="Classes">The model's classes, in the order of each frame's probabilities.</param>
/// <param name="MediaDuration">The clip's length as the run measured it.</param>
/// <param name="Predictions">Every classified frame, in order, with its embedding and rep phase.</param>
public sealed record PredictionRecord(IReadOnlyList<string> Classes, TimeSpan MediaDuration, IReadOnlyList<FramePrediction> Predictions);
