using LiveWorkout.Core.Evaluation;

namespace LiveWorkout.Pipeline.Evaluation;

/// <summary>An evaluation of labelled clips: the scores and, per clip, what was labelled and what was recognised.</summary>
public sealed record ReplayEvaluation(EvaluationReport Report, IReadOnlyList<ClipTimeline> Timelines);
