namespace LiveWorkout.Sessions.Tests;

/// <summary>What the progress page is made of, worked out from a real log of eight weeks: weeks, records, volume and streaks.</summary>
public sealed class ProgressHistoryTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void History_sums_weeks_and_finds_records_and_streaks()
    {
        var store = SessionStore.Open(_db.Path);
        long empty = TrainingWeeks.Record(store);
        var logs = store.LoadSessions();
        var history = ProgressHistory.Of(logs, TimeZoneInfo.Utc, TrainingWeeks.Today);

        Assert.Equal(17, history.Sessions.Count);
        Assert.Equal(16, history.Workouts); // the session without sets is no workout
        Assert.Equal(16, history.Days.Count);
        Assert.Equal(new TrainingStreaks(CurrentWeeks: 5, LongestWeeks: 5, CurrentDays: 2, LongestDays: 4), history.Streaks);
        Assert.Equal(8, history.Weeks.Count);
        Assert.Equal(new DateOnly(2025, 2, 3), history.Weeks[0]);
        Assert.Equal(new DateOnly(2025, 3, 24), history.Weeks[^1]);
        Assert.Equal(0, history.WeekOf("squat", new DateOnly(2025, 2, 17)).Sets);

        var sets = logs.SelectMany(l => l.Sets).ToList();
        var squat = history.Records.Single(r => r.Exercise == "squat");
        Assert.Equal(sets.Where(s => s.Exercise == "squat").Max(s => s.Reps), squat.MostReps!.Value);
        Assert.Null(squat.HeaviestKg);
        Assert.Null(squat.LongestSeconds);
        var curl = history.Records.Single(r => r.Exercise == "bicep_curl");
        Assert.Equal(TrainingWeeks.HeaviestCurlKg, curl.HeaviestKg!.Value);
        Assert.Equal(new DateOnly(2025, 3, 28), DateOnly.FromDateTime(curl.HeaviestKg.At.UtcDateTime));
        var plank = history.Records.Single(r => r.Exercise == "plank");
        Assert.Null(plank.MostReps);
        Assert.Equal(sets.Where(s => s.Exercise == "plank").Max(s => (s.HoldDuration ?? s.Duration).TotalSeconds), plank.LongestSeconds!.Value, 3);

        double volume = sets.Where(s => s.WeightKg is not null).Sum(s => s.Reps * s.WeightKg!.Value);
        Assert.Equal(volume, history.TotalVolumeKg, 6);
        Assert.Equal(volume, history.Weekly.Sum(t => t.VolumeKg), 6);
        Assert.Equal(sets.Sum(ExerciseMeasure.CountedReps), history.TotalReps);
        Assert.Equal(0, history.SessionVolumeKg(empty));
    }

    [Fact]
    public void A_streak_survives_a_week_or_day_not_yet_trained_and_ends_after_a_missed_one()
    {
        var store = SessionStore.Open(_db.Path);
        foreach (string day in new[] { "2025-03-05", "2025-03-12", "2025-03-13" })
            WorkoutEvents.Record(store, DateTimeOffset.Parse(day + "T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var logs = store.LoadSessions();

        Assert.Equal(new TrainingStreaks(2, 2, 2, 2), ProgressHistory.Of(logs, TimeZoneInfo.Utc, new DateOnly(2025, 3, 13)).Streaks);
        Assert.Equal(new TrainingStreaks(2, 2, 2, 2), ProgressHistory.Of(logs, TimeZoneInfo.Utc, new DateOnly(2025, 3, 14)).Streaks); // today not yet trained
        Assert.Equal(new TrainingStreaks(2, 2, 0, 2), ProgressHistory.Of(logs, TimeZoneInfo.Utc, new DateOnly(2025, 3, 15)).Streaks); // a day missed
        Assert.Equal(new TrainingStreaks(2, 2, 0, 2), ProgressHistory.Of(logs, TimeZoneInfo.Utc, new DateOnly(2025, 3, 20)).Streaks); // the next week, not yet trained
        Assert.Equal(new TrainingStreaks(0, 2, 0, 2), ProgressHistory.Of(logs, TimeZoneInfo.Utc, new DateOnly(2025, 3, 24)).Streaks); // a whole week missed
    }

    [Fact]
    public void Days_and_weeks_are_local_to_the_time_zone_given()
    {
        var store = SessionStore.Open(_db.Path);
        WorkoutEvents.Record(store, new DateTimeOffset(2025, 3, 9, 23, 30, 0, TimeSpan.Zero)); // Sunday in UTC, Monday in Tokyo
        var logs = store.LoadSessions();
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("UTC+9", TimeSpan.FromHours(9), "UTC+9", "UTC+9");
        Assert.Equal([new DateOnly(2025, 3, 9)], ProgressHistory.Of(logs, TimeZoneInfo.Utc, new DateOnly(2025, 3, 10)).Days.Keys);
        Assert.Equal([new DateOnly(2025, 3, 10)], ProgressHistory.Of(logs, tokyo, new DateOnly(2025, 3, 10)).Days.Keys);
        Assert.Equal(new DateOnly(2025, 3, 10), ProgressHistory.Of(logs, tokyo, new DateOnly(2025, 3, 10)).Weeks.Single());
    }
}
