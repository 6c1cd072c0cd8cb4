using System.Text.Json;
using System.Text.Json.Serialization;
using LiveWorkout.Core.Imaging;

namespace LiveWorkout.Learning.Packaging;

/// <summary>Images per class in one split of the training data.</summary>
public sealed record SplitCounts(string Split, IReadOnlyDictionary<string, int> PerClass)
{
    public int Total => PerClass.Values.Sum();
}

/// <summary>What a model was trained on: where from, how it was split, what was skipped.</summary>
public sealed record TrainingDataSummary(
    string Source,
    string Kind,
    IReadOnlyList<SplitCounts> Splits,
    int SkippedFiles,
    string? Balance = null,
    string? Augment = null);

/// <summary>model.json: everything needed to rebuild, check and feed the network in model.dat.</summary>
public sealed record ModelManifest(
    int FormatVersion,
    string Architecture,
    IReadOnlyList<string> Classes,
    InputSpec Input,
    int EmbeddingSize,
    TrainingDataSummary? TrainingData,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset CreatedAt)
{
    /// <summary>The format this build writes; it reads this and every older one.</summary>
    public const int CurrentFormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
