using System.Runtime.CompilerServices;
using LiveWorkout.Sessions.Export;

namespace LiveWorkout.Sessions.Tests;

/// <summary>Golden files for both export formats (set LIVEWORKOUT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change).</summary>
public sealed class ExportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private IReadOnlyList<SessionLog> TwoSessions()
    {
        var store = SessionStore.Open(_db.Path, new FixedClock(new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero)));
        long first = WorkoutEvents.Record(store, notes: "legs, then \"core\"");
        WorkoutEvents.Record(store, WorkoutEvents.Start.AddDays(2).AddHours(10));
        store.CorrectSet(first, 2, "pull_up", 5);
        return store.LoadSessions(includeTimeline: true);
    }

    [Fact]
    public void Csv_export_matches_the_golden_file()
    {
        using var text = new StringWriter();
        StrongCsvExporter.Write(TwoSessions(), text, TimeZoneInfo.Utc);
        AssertGolden("export.csv", text.ToString());
        Assert.StartsWith("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_export_matches_the_golden_file() =>
        AssertGolden("export.json", JsonExporter.Write(TwoSessions()));

    [Fact]
    public void Json_export_has_exactly_the_fields_the_published_schema_requires()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(SchemaPath()));
        using var export = System.Text.Json.JsonDocument.Parse(JsonExporter.Write(TwoSessions()));
        var sessionSchema = schema.RootElement.GetProperty("properties").GetProperty("sessions").GetProperty("items");
        var setSchema = sessionSchema.GetProperty("properties").GetProperty("sets").GetProperty("items");
        var session = export.RootElement.GetProperty("sessions")[0];
        Assert.Equal(Required(sessionSchema), session.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Required(setSchema), session.GetProperty("sets")[0].EnumerateObject().Select(p => p.Name).Order());
    }

    private static IEnumerable<string> Required(System.Text.Json.JsonElement schema) =>
        schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order();

    private static string SchemaPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "docs", "session-export.schema.json"));

    private static void AssertGolden(string name, string actual, [CallerFilePath] string here = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(here)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("LIVEWORKOUT_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"golden file {path} is missing: run once with LIVEWORKOUT_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
