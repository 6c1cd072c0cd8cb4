using System.Text.Json;
using System.Text.Json.Serialization;
using LiveWorkout.Core.Imaging;
using LiveWorkout.Learning.Models;

namespace LiveWorkout.Learning.Packaging;

/// <summary>
/// model.json: everything needed to rebuild, check and feed the network in model.dat, and the
/// optional temporal head in temporal.dat (<see cref="TemporalHead"/> set; format version 2, or 3
/// when it sees motion),
/// and the optional phase head in phase.dat (<see cref="PhaseHead"/> set; it sees the temporal
/// head's windows, so it needs one). A build that predates phase heads reads such a package and
/// counts reps without the phase. A landmark package (<see cref="FrontEnd"/> landmarks, version 4)
/// has no CNN: <see cref="Pose"/> names the pose stage, and its heads read landmark features;
/// <see cref="MoreExercises"/> may name a second landmark package whose exercises it adds (a build
/// that predates it ignores it and names only the package's own).
/// </summary>
public sealed record ModelManifest(
    int FormatVersion,
    string Architecture,
    IReadOnlyList<string> Classes,
    InputSpec? Input,
    int EmbeddingSize,
    TrainingDataSummary? TrainingData,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset CreatedAt,
    TemporalHeadSpec? TemporalHead = null,
    TemporalHeadSpec? PhaseHead = null,
    FrontEnd FrontEnd = FrontEnd.Pixels,
    PoseSpec? Pose = null,
    MoreExercisesSpec? MoreExercises = null)
{
    /// <summary>The newest format this build reads (and writes, for landmark packages); it reads every older one.</summary>
    public const int CurrentFormatVersion = 4;

    /// <summary>Landmark packages are version 4: a build that predates them would look for a CNN they do not have.</summary>
    public const int LandmarksFormatVersion = 4;

    /// <summary>
    /// Version 1 has no temporal head; a package with one is version 2, so older builds refuse it
    /// instead of ignoring the head, and version 3 when the head also sees motion (which a build
    /// that reads version 2 would not feed it).
    /// </summary>
    public static int FormatVersionFor(TemporalHeadSpec? head) => head is null ? 1 : head.Motion is null ? 2 : 3;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
