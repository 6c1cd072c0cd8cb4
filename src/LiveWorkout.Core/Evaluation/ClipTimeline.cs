using LiveWorkout.Core.Annotations;
using LiveWorkout.Core.Recognition;

namespace LiveWorkout.Core.Evaluation;

/// <summary>What a clip held and what was recognised in it, for truth-versus-prediction timelines.</summary>
public sealed record ClipTimeline(string Name, TimeSpan Duration, IReadOnlyList<AnnotatedSet> Truth, IReadOnlyList<RecognizedSet> Predicted);
