namespace LiveWorkout.Core.Evaluation;

/// <summary>
/// Rep counting over the labelled sets with reps (reps &gt; 0; holds are left out since their
/// normalised error is undefined). A labelled set with no matching prediction counts as a
/// failure: predicted 0 reps in <see cref="Mae"/> (error 1) and not within one in
/// <see cref="OffByOneAccuracy"/>. <see cref="MaeMatched"/> looks at matched sets only, to
/// separate counting from recognition. Null when no labelled set has reps.
/// </summary>
/// <param name="Sets">Labelled sets with reps.</param>
/// <param name="MatchedSets">Of those, how many were matched.</param>
/// <param name="Mae">RepCount convention: mean of |predicted − true| / true.</param>
/// <param name="MaeMatched">The same over matched sets only.</param>
/// <param name="OffByOneAccuracy">Share of the labelled sets matched with |predicted − true| ≤ 1.</param>
/// <param name="MeanSignedError">Mean predicted − true over matched sets (over- or under-counting).</param>
public sealed record RepMetrics(int Sets, int MatchedSets, double? Mae, double? MaeMatched, double? OffByOneAccuracy, double? MeanSignedError);
