using System.Security.Cryptography;
using LiveWorkout.Core;
using LiveWorkout.Sessions.Storage;
using Microsoft.Data.Sqlite;

namespace LiveWorkout.Sessions.Tests;

/// <summary>The file itself: refusal of damaged/newer/foreign files untouched, migration from v1, WAL concurrency.</summary>
public sealed class SessionFileTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private void AssertRefusedUntouched(string expectedFragment)
    {
        string before = Hash(_db.Path);
        long length = new FileInfo(_db.Path).Length;
        var error = Assert.ThrowsAny<LiveWorkoutException>(() => SessionStore.Open(_db.Path));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(_db.Path));
        Assert.Equal(length, new FileInfo(_db.Path).Length);
        Assert.False(File.Exists(_db.Path + "-wal") && new FileInfo(_db.Path + "-wal").Length > 0);
    }

    [Fact]
    public void Runs_that_open_a_new_log_at_the_same_moment_all_get_it()
    {
        // Two runs started together on a first use (two replays in a script, or live and
        // 'sessions list') each found no log and created its tables: one failed with 'table
        // sessions already exists'. Eight at once, on five new logs.
        for (int round = 0; round < 5; round++)
        {
            string path = Path.Combine(_db.Folder, $"new-{round}.db");
            using var start = new Barrier(8);
            var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    var store = SessionStore.Open(path);
                    store.StartRecording(new NewSession(WorkoutEvents.Start, "clip", "m", "cpu")).Complete();
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(failures.Select(e => e.Message));
            Assert.Equal(8, SessionStore.Open(path).LoadSessions().Count);
        }
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_and_left_as_it_was()
    {
        File.WriteAllText(_db.Path, "date,reps\n2025-03-01,12\nthis is somebody's spreadsheet, not a session log\n");
        AssertRefusedUntouched("damaged or not an SQLite file");
    }

    [Fact]
    public void A_damaged_session_log_is_refused_and_left_as_it_was()
    {
        var store = SessionStore.Open(_db.Path);
        for (int i = 0; i < 5; i++) WorkoutEvents.Record(store, WorkoutEvents.Start.AddDays(i));
        using (var c = Raw(_db.Path)) Execute(c, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        // Keep the valid header page, scribble over the pages after it.
        byte[] bytes = File.ReadAllBytes(_db.Path);
        Assert.True(bytes.Length > 8192);
        new Random(1).NextBytes(bytes.AsSpan(4096, bytes.Length - 4096));
        File.WriteAllBytes(_db.Path, bytes);
        AssertRefusedUntouched("damaged or not an SQLite file");
    }

    [Fact]
    public void A_log_from_a_newer_build_is_refused_and_left_as_it_was()
    {
        WorkoutEvents.Record(SessionStore.Open(_db.Path));
        using (var c = Raw(_db.Path)) Execute(c, $"PRAGMA user_version = {SessionStore.SchemaVersion + 1}; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        AssertRefusedUntouched($"schema version {SessionStore.SchemaVersion + 1}, newer than this build knows");
    }

    [Fact]
    public void Another_programs_sqlite_file_is_refused_and_left_as_it_was()
    {
        using (var c = Raw(_db.Path)) Execute(c, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
        AssertRefusedUntouched("not a LiveWorkout session log");
    }

    [Fact]
    public void Migration_step_one_is_frozen() =>
        Assert.Equal(File.ReadAllText(Fixture("schema-v1.sql")).ReplaceLineEndings().Trim(), SessionSchema.V1.ReplaceLineEndings().Trim());

    [Fact]
    public void A_version_1_log_is_migrated_with_its_data_and_a_backup()
    {
        using (var c = Raw(_db.Path))
        {
            Execute(c, File.ReadAllText(Fixture("schema-v1.sql")));
            Execute(c, $"PRAGMA user_version = 1; PRAGMA application_id = {0x4C57524B};");
            Execute(c, """
                INSERT INTO sessions (started_at, ended_at, duration_ms, source, model, device, notes)
                VALUES ('2024-11-05T17:30:00.000Z', '2024-11-05T17:32:00.000Z', 120000, 'cam0', 'v1-model', 'cpu', 'old');
                INSERT INTO sets (session_id, set_order, exercise, start_ms, end_ms, reps, rep_times_ms, mean_confidence, hold_ms, status)
                VALUES (1, 1, 'squat', 5500, 30250, 3, '[9000,15000,21000]', 0.8, NULL, 'committed'),
                       (1, 2, 'plank', 60000, 90000, 0, '[]', 0.9, 30000, 'open');
                INSERT INTO timeline VALUES (1, 0, 'idle', 0.9), (1, 6000, 'squat', 0.8);
                INSERT INTO source_gaps (session_id, lost_ms, recovered_ms, reason) VALUES (1, 40000, 45000, 'usb');
                """);
        }

        var store = SessionStore.Open(_db.Path);
        var log = store.LoadSession(1);
        Assert.Equal(("cam0", "v1-model", "old", TimeSpan.FromMinutes(2)), (log.Session.Source, log.Session.Model, log.Session.Notes, log.Session.Duration));
        var squat = log.Sets[0];
        Assert.Equal(("squat", 3, SetStatus.Committed), (squat.Exercise, squat.Reps, squat.Status));
        Assert.Equal([9.0, 15.0, 21.0], squat.RepTimes.Select(t => t.TotalSeconds));
        // v2 backfilled the absolute times from the session start.
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 17, 30, 5, 500, TimeSpan.Zero), squat.StartedAt);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 17, 30, 30, 250, TimeSpan.Zero), squat.EndedAt);
        Assert.Equal((SetStatus.Open, TimeSpan.FromSeconds(30)), (log.Sets[1].Status, log.Sets[1].HoldDuration));
        Assert.Equal(2, log.Timeline.Count);
        Assert.Single(log.Gaps);

        store.CorrectSet(1, 1, null, 4);
        Assert.Equal(4, store.LoadSession(1).Sets[0].Reps);
        using (var c = Raw(_db.Path))
        {
            Assert.Equal((long)SessionStore.SchemaVersion, Scalar(c, "PRAGMA user_version"));
            Assert.Equal("wal", Scalar(c, "PRAGMA journal_mode"));
        }
        using (var backup = Raw(_db.Path + ".v1.bak"))
            Assert.Equal(1L, Scalar(backup, "PRAGMA user_version"));
    }

    [Fact]
    public void A_version_3_log_gains_weight_rpe_and_notes_keeping_its_sets_and_a_backup()
    {
        using (var c = Raw(_db.Path))
        {
            foreach (var step in SessionSchema.Migrations.Where(m => m.Version <= 3)) Execute(c, step.Sql);
            Execute(c, $"PRAGMA user_version = 3; PRAGMA application_id = {0x4C57524B};");
            Execute(c, """
                INSERT INTO sessions (started_at, ended_at, duration_ms, source, model, device, notes, source_problem)
                VALUES ('2026-11-05T17:30:00.000Z', '2026-11-05T17:32:00.000Z', 120000, 'clip.mp4', 'v3-model', 'cpu', '', 'clip.mp4 ended early');
                INSERT INTO sets (session_id, set_order, exercise, start_ms, end_ms, started_at, ended_at, reps, rep_times_ms, mean_confidence, hold_ms, status)
                VALUES (1, 1, 'squat', 5500, 30250, '2026-11-05T17:30:05.500Z', '2026-11-05T17:30:30.250Z', 3, '[9000,15000,21000]', 0.8, NULL, 'committed');
                INSERT INTO corrections (set_id, corrected_at, exercise, reps) VALUES (1, '2026-11-06T08:00:00.000Z', NULL, 4);
                """);
        }

        var store = SessionStore.Open(_db.Path);
        var log = store.LoadSession(1);
        Assert.Equal("clip.mp4 ended early", log.Session.SourceProblem);
        var squat = Assert.Single(log.Sets);
        Assert.Equal(("squat", 4, true, (double?)null, (double?)null, ""), (squat.Exercise, squat.Reps, squat.Corrected, squat.WeightKg, squat.Rpe, squat.Notes));

        store.SetDetails(1, 1, 60, 8.5, "felt heavy");
        squat = store.LoadSession(1).Sets[0];
        Assert.Equal((60.0, 8.5, "felt heavy", 4), (squat.WeightKg!.Value, squat.Rpe!.Value, squat.Notes, squat.Reps));
        using (var c = Raw(_db.Path)) Assert.Equal((long)SessionStore.SchemaVersion, Scalar(c, "PRAGMA user_version"));
        using (var backup = Raw(_db.Path + ".v3.bak")) Assert.Equal(3L, Scalar(backup, "PRAGMA user_version"));
    }

    [Fact]
    public void A_new_log_is_created_in_wal_mode_at_the_current_version()
    {
        string nested = Path.Combine(_db.Folder, "a", "b", "sessions.db");
        SessionStore.Open(nested);
        using var c = Raw(nested);
        Assert.Equal((long)SessionStore.SchemaVersion, Scalar(c, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar(c, "PRAGMA journal_mode"));
        Assert.Equal((long)0x4C57524B, Scalar(c, "PRAGMA application_id"));
    }

    [Fact]
    public async Task A_reader_queries_while_another_connection_writes()
    {
        var store = SessionStore.Open(_db.Path);
        WorkoutEvents.Record(store);

        using var writer = Raw(_db.Path);
        using var transaction = writer.BeginTransaction(); // holds the write lock
        using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO sessions (started_at, source, model, device) VALUES ('2025-03-09T10:00:00.000Z', 'live', 'm', 'cpu')";
            insert.ExecuteNonQuery();
        }

        // WAL: the reader is not blocked and sees the last committed state.
        var reader = SessionStore.Open(_db.Path);
        Assert.Single(reader.ListSessions());
        Assert.Equal(3, reader.LoadSession(1).Sets.Count);

        // A second writer waits for the lock (busy timeout) instead of failing.
        var second = Task.Run(() => WorkoutEvents.Record(reader, WorkoutEvents.Start.AddDays(1)));
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        transaction.Commit();
        await second.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(3, reader.ListSessions().Count);
    }
}
