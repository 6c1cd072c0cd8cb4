namespace LiveWorkout.Commands;

/// <summary>What `replay --evaluate` was asked for besides the pipeline settings.</summary>
public sealed record ReplayEvaluateRequest(string Input, bool WholeClipLabels, string? ReportFolder, string? JsonFile, string? TraceFolder = null,
    string? SavePredictionsFolder = null, string? FromPredictionsFolder = null, bool Reclassify = false);
