using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveWorkout.Sessions.Export;

/// <summary>
/// The full session log as JSON (format "liveworkout.sessions", version 1; schema in
/// docs/session-export.schema.json): media times in seconds from the session start, wall-clock
/// times ISO 8601 UTC, corrected values with the recognised ones beside them, sessions oldest first.
/// </summary>
public static class JsonExporter
{
    public const string Format = "liveworkout.sessions";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A file, not HTML: keep quotes and non-ASCII names readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(IEnumerable<SessionLog> sessions, Stream output)
    {
        var document = new ExportDocument(Format, Version,
            sessions.OrderBy(s => s.Session.StartedAt).ThenBy(s => s.Session.Id).Select(ToExport).ToList());
        JsonSerializer.Serialize(output, document, Options);
    }

    public static string Write(IEnumerable<SessionLog> sessions)
    {
        using var stream = new MemoryStream();
        Write(sessions, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ExportSession ToExport(SessionLog log)
    {
        var summary = SessionSummary.Of(log);
        var s = log.Session;
        return new ExportSession(
            s.Id, Storage.StoredTime.Iso(s.StartedAt), s.EndedAt is { } e ? Storage.StoredTime.Iso(e) : null,
            Seconds(summary.Duration), Seconds(summary.ActiveTime), s.Source, s.Model, s.Device, s.Notes, s.Complete, s.SourceProblem,
            log.Sets.Select(set => new ExportSet(
                set.Order, set.Exercise, Core.ExerciseCatalog.DisplayName(set.Exercise), ExerciseMeasure.IsTimed(set.Exercise) ? "time" : "reps", set.Reps,
                ExerciseMeasure.IsTimed(set.Exercise) ? Seconds(ExerciseMeasure.TimedLength(set)) : null, Seconds(set.Start), Seconds(set.End), Seconds(set.Duration),
                Storage.StoredTime.Iso(set.StartedAt), Storage.StoredTime.Iso(set.EndedAt),
                set.RepTimes.Select(Seconds).ToList(), Math.Round(set.MeanConfidence, 4),
                set.HoldDuration is { } h ? Seconds(h) : null,
                set.Status == SetStatus.Open ? "open" : "committed",
                set.Corrected, new ExportRecognized(set.RecognizedExercise, set.RecognizedReps),
                set.WeightKg is { } kg ? Math.Round(kg, 3) : null, set.Rpe, set.Notes)).ToList(),
            log.Gaps.Select(g => new ExportGap(Seconds(g.Lost), g.Recovered is { } r ? Seconds(r) : null, g.Reason)).ToList(),
            log.Timeline.Select(p => new ExportTimelinePoint(Seconds(p.Time), p.Label, Math.Round(p.Confidence, 4))).ToList());
    }

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);

    private sealed record ExportDocument(string Format, int Version, IReadOnlyList<ExportSession> Sessions);

    private sealed record ExportSession(
        long Id, string StartedAt, string? EndedAt, double DurationSeconds, double ActiveSeconds,
        string Source, string Model, string Device, string Notes, bool Complete, string? SourceProblem,
        IReadOnlyList<ExportSet> Sets, IReadOnlyList<ExportGap> Gaps, IReadOnlyList<ExportTimelinePoint> Timeline);

    private sealed record ExportSet(
        int Order, string Exercise, string ExerciseName, string Measure, int Reps, double? Seconds, double StartSeconds, double EndSeconds, double DurationSeconds,
        string StartedAt, string EndedAt, IReadOnlyList<double> RepTimesSeconds, double MeanConfidence,
        double? HoldSeconds, string Status, bool Corrected, ExportRecognized Recognized, double? WeightKg, double? Rpe, string Notes);

    private sealed record ExportRecognized(string Exercise, int Reps);

    private sealed record ExportGap(double LostSeconds, double? RecoveredSeconds, string Reason);

    private sealed record ExportTimelinePoint(double T, string Label, double Confidence);
}
