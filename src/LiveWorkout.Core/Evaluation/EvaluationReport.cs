using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveWorkout.Core.Evaluation;

/// <summary>Scores of every clip and of all of them pooled; written as JSON and printed as tables.</summary>
public sealed class EvaluationReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public EvaluationReport(IReadOnlyList<RecognitionScore> clips)
    {
        Clips = clips;
        Total = RecognitionScore.Pool("total", clips);
    }

    public IReadOnlyList<RecognitionScore> Clips { get; }

    public RecognitionScore Total { get; }

    /// <summary>The model package evaluated, when known.</summary>
    public string? Model { get; init; }

    /// <summary>Clips left out before running: no labels, or a class the model does not know.</summary>
    public IReadOnlyList<ClipIssue> Skipped { get; init; } = [];

    /// <summary>Clips that could not be evaluated: malformed labels, unreadable video.</summary>
    public IReadOnlyList<ClipIssue> Failed { get; init; } = [];

    /// <summary>Whole-clip labels: classes of the clip folders the model does not know, with their clip counts.</summary>
    public IReadOnlyDictionary<string, int> UnknownClasses { get; init; } = new Dictionary<string, int>();

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
