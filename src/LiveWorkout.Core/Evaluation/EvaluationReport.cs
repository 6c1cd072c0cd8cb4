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

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
