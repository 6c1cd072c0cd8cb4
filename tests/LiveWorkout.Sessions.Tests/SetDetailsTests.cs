using LiveWorkout.Core;
using LiveWorkout.Sessions.Export;

namespace LiveWorkout.Sessions.Tests;

/// <summary>Weight, RPE and notes a person enters for a set: stored in kilograms, shown and exported in the configured unit, in Strong's columns.</summary>
public sealed class SetDetailsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Weight_rpe_and_notes_are_exported_in_the_strong_columns_in_the_chosen_unit()
    {
        var store = SessionStore.Open(_db.Path);
        long id = WorkoutEvents.Record(store);
        store.SetDetails(id, 1, WeightUnit.ParseToKilograms("135lb", WeightUnit.Kilograms), 8, "felt heavy, slow");
        store.SetDetails(id, 1, null, 8.5, null); // only what is given changes
        var log = store.LoadSession(id);
        Assert.Equal((61.235, 8.5, "felt heavy, slow"), (Math.Round(log.Sets[0].WeightKg!.Value, 3), log.Sets[0].Rpe!.Value, log.Sets[0].Notes));

        foreach (var (unit, weight) in new[] { ("lb", "135"), ("kg", "61.23") })
        {
            using var csv = new StringWriter();
            StrongCsvExporter.Write([log], csv, TimeZoneInfo.Utc, unit);
            string row = csv.ToString().Split('\n')[1];
            Assert.Equal($"2025-03-01 08:00:00,LiveWorkout #1,1m,Squat,1,{weight},4,0,0,\"felt heavy, slow; confidence 0.88\",,8.5", row);
            Assert.EndsWith(",Push-up,1,0,3,0,0,confidence 0.81,,", csv.ToString().Split('\n')[2], StringComparison.Ordinal); // nothing entered: bodyweight, no RPE
        }
        string json = JsonExporter.Write([log]);
        Assert.Contains("\"weightKg\": 61.235,\n          \"rpe\": 8.5,\n          \"notes\": \"felt heavy, slow\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 0.5, null, "--rpe 0.5 is not an RPE")]
    [InlineData(null, 8.3, null, "--rpe 8.3 is not an RPE")]
    [InlineData(-1.0, null, null, "out of range")]
    [InlineData(null, null, "two\nlines", "one line")]
    [InlineData(null, null, null, "nothing to enter")]
    public void Impossible_entries_are_refused_with_one_line(double? weight, double? rpe, string? notes, string message)
    {
        var store = SessionStore.Open(_db.Path);
        long id = WorkoutEvents.Record(store);
        var e = Assert.Throws<InvalidInputException>(() => store.SetDetails(id, 1, weight, rpe, notes));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("60", "kg", 60.0)]
    [InlineData("60", "lb", 27.216)]
    [InlineData("60kg", "lb", 60.0)]
    [InlineData("135 LBS", "kg", 61.235)]
    public void A_weight_is_read_in_the_unit_it_names_or_the_configured_one(string text, string unit, double kilograms) =>
        Assert.Equal(kilograms, Math.Round(WeightUnit.ParseToKilograms(text, unit), 3));

    [Theory]
    [InlineData("heavy")]
    [InlineData("-5")]
    [InlineData("2000kg")]
    public void A_weight_that_is_not_one_is_refused(string text) =>
        Assert.Throws<InvalidInputException>(() => WeightUnit.ParseToKilograms(text, "kg"));
}
