using LiveWorkout.Core;
using LiveWorkout.Sessions.Recording;
using LiveWorkout.Sessions.Storage;
using Microsoft.Data.Sqlite;

namespace LiveWorkout.Sessions;

/// <summary>
/// The session log: an SQLite file (WAL, versioned schema) that recorders write into and commands
/// read from. Opening refuses a damaged or newer file without modifying it, and migrates an older one.
/// Every query uses its own short-lived connection, so many readers and one live writer can share a file.
/// </summary>
public sealed class SessionStore
{
    private readonly SessionDatabase _database;
    private readonly TimeProvider _clock;

    private SessionStore(SessionDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => SessionSchema.CurrentVersion;

    public string Path => _database.Path;

    /// <summary>Opens (creating or migrating as needed) the log at <paramref name="path"/>.</summary>
    /// <param name="clock">Wall clock for correction timestamps; the system clock by default.</param>
    public static SessionStore Open(string path, TimeProvider? clock = null) =>
        new(SessionDatabase.Open(path), clock ?? TimeProvider.System);

    /// <summary>Starts recording a new session; subscribe the recorder to the pipeline's events.</summary>
    public SessionRecorder StartRecording(NewSession session, SessionRecorderOptions? options = null) =>
        new(_database.Connect(), _database.Path, session, options ?? new SessionRecorderOptions());

    /// <summary>Sessions (newest first) with their sets, optionally between two wall-clock times; no timelines.</summary>
    public IReadOnlyList<SessionLog> LoadSessions(DateTimeOffset? from = null, DateTimeOffset? to = null, bool includeTimeline = false) =>
        Query(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id FROM sessions
                WHERE ($from IS NULL OR started_at >= $from) AND ($to IS NULL OR started_at < $to)
                ORDER BY started_at DESC, id DESC
                """;
            command.Parameters.AddWithValue("$from", from is null ? DBNull.Value : StoredTime.Iso(from.Value));
            command.Parameters.AddWithValue("$to", to is null ? DBNull.Value : StoredTime.Iso(to.Value));
            var ids = new List<long>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) ids.Add(reader.GetInt64(0));
            return ids.Select(id => SessionRows.Load(connection, id, includeTimeline)!).ToList();
        });

    /// <summary>One session with sets, gaps and timeline; a one-line error if there is none with that id.</summary>
    public SessionLog LoadSession(long id) =>
        Query(connection => SessionRows.Load(connection, id, includeTimeline: true))
        ?? throw NoSuchSession(id);

    /// <summary>Summaries for <c>sessions list</c>, newest first.</summary>
    public IReadOnlyList<SessionSummary> ListSessions() => LoadSessions().Select(SessionSummary.Of).ToList();

    /// <summary>True while another recorder (this or another process) is writing the session.</summary>
    public bool IsRecording(long id) => RecordingLock.IsHeld(Path, id);

    /// <summary>
    /// Records a correction of set <paramref name="setOrder"/> (1-based, as <c>sessions show</c> numbers them).
    /// <paramref name="exercise"/> may be spelled any way the catalogue knows (push_up, "Push-up",
    /// pushup); reps are refused for a timed exercise (plank, running), which is measured in time.
    /// The recognised values stay; views apply the latest correction.
    /// </summary>
    public SetCorrection CorrectSet(long sessionId, int setOrder, string? exercise, int? reps)
    {
        if (exercise is null && reps is null)
            throw new InvalidInputException("nothing to correct: give --exercise and/or --reps.");
        if (exercise is not null)
        {
            string? label = ExerciseCatalog.Parse(exercise);
            if (label is null || ExerciseCatalog.IsIdle(label))
                throw new InvalidInputException($"unknown exercise '{exercise}': use one of {string.Join(", ", ExerciseCatalog.All.Where(e => !ExerciseCatalog.IsIdle(e)).Select(ExerciseCatalog.DisplayName))}.");
            exercise = label;
        }
        if (reps is < 0 or > 10_000)
            throw new InvalidInputException($"--reps {reps} is out of range: give a count from 0 to 10000.");
        RefuseWhileRecording(sessionId, "edited");

        return Query(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var find = connection.CreateCommand();
            find.Transaction = transaction;
            find.CommandText = "SELECT id, effective_exercise FROM effective_sets WHERE session_id = $session AND set_order = $order";
            find.Parameters.AddWithValue("$session", sessionId);
            find.Parameters.AddWithValue("$order", setOrder);
            long setId;
            string current;
            using (var found = find.ExecuteReader())
            {
                if (!found.Read())
                {
                    found.Close();
                    if (SessionRows.Load(connection, sessionId, includeTimeline: false) is null) throw NoSuchSession(sessionId);
                    throw new InvalidInputException($"session {sessionId} has no set {setOrder}: run 'liveworkout sessions show {sessionId}' to see its set numbers.");
                }
                setId = found.GetInt64(0);
                current = found.GetString(1);
            }
            string resulting = exercise ?? current;
            if (reps is not null && ExerciseCatalog.IsTimed(resulting))
                throw new InvalidInputException($"set {setOrder} is {ExerciseCatalog.DisplayName(resulting)}, which is measured in time, not reps: leave out --reps (or correct the exercise with --exercise).");
            var at = _clock.GetUtcNow();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO corrections (set_id, corrected_at, exercise, reps) VALUES ($set, $at, $exercise, $reps);
                SELECT last_insert_rowid();
                """;
            insert.Parameters.AddWithValue("$set", setId);
            insert.Parameters.AddWithValue("$at", StoredTime.Iso(at));
            insert.Parameters.AddWithValue("$exercise", (object?)exercise ?? DBNull.Value);
            insert.Parameters.AddWithValue("$reps", (object?)reps ?? DBNull.Value);
            long id = (long)insert.ExecuteScalar()!;
            transaction.Commit();
            return new SetCorrection(id, setId, StoredTime.ParseIso(StoredTime.Iso(at)), exercise, reps);
        });
    }

    /// <summary>
    /// Records what only the person knows about set <paramref name="setOrder"/>: the weight
    /// (kilograms), the effort (RPE 1-10 in half steps) and notes; a null value keeps what was there.
    /// </summary>
    public void SetDetails(long sessionId, int setOrder, double? weightKg, double? rpe, string? notes)
    {
        if (weightKg is null && rpe is null && notes is null)
            throw new InvalidInputException("nothing to enter: give --weight, --rpe and/or --notes.");
        if (weightKg is { } w && (!double.IsFinite(w) || w < 0 || w > 1000))
            throw new InvalidInputException($"a weight of {w} kg is out of range: give 0 (bodyweight) to 1000 kg.");
        if (rpe is { } r && (!double.IsFinite(r) || r < 1 || r > 10 || Math.Abs(r * 2 - Math.Round(r * 2)) > 1e-9))
            throw new InvalidInputException($"--rpe {r.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not an RPE: give 1 to 10 in half steps (e.g. 8 or 8.5).");
        if (notes is not null && (notes.Length > 500 || notes.Contains('\n', StringComparison.Ordinal) || notes.Contains('\r', StringComparison.Ordinal)))
            throw new InvalidInputException("--notes must be one line of at most 500 characters.");
        RefuseWhileRecording(sessionId, "edited");

        Query(connection =>
        {
            using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE sets SET weight_kg = COALESCE($weight, weight_kg), rpe = COALESCE($rpe, rpe), set_notes = COALESCE($notes, set_notes)
                WHERE session_id = $session AND set_order = $order
                """;
            update.Parameters.AddWithValue("$weight", (object?)weightKg ?? DBNull.Value);
            update.Parameters.AddWithValue("$rpe", (object?)rpe ?? DBNull.Value);
            update.Parameters.AddWithValue("$notes", (object?)notes?.Trim() ?? DBNull.Value);
            update.Parameters.AddWithValue("$session", sessionId);
            update.Parameters.AddWithValue("$order", setOrder);
            if (update.ExecuteNonQuery() == 0)
            {
                if (SessionRows.Load(connection, sessionId, includeTimeline: false) is null) throw NoSuchSession(sessionId);
                throw new InvalidInputException($"session {sessionId} has no set {setOrder}: run 'liveworkout sessions show {sessionId}' to see its set numbers.");
            }
            return 0;
        });
    }

    /// <summary>Every correction of one set, oldest first.</summary>
    public IReadOnlyList<SetCorrection> Corrections(long setId) =>
        Query(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, set_id, corrected_at, exercise, reps FROM corrections WHERE set_id = $set ORDER BY id";
            command.Parameters.AddWithValue("$set", setId);
            var list = new List<SetCorrection>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
                list.Add(new SetCorrection(reader.GetInt64(0), reader.GetInt64(1), StoredTime.ParseIso(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)));
            return list;
        });

    /// <summary>Deletes a session with its sets, timeline, gaps and corrections.</summary>
    public void DeleteSession(long id)
    {
        RefuseWhileRecording(id, "deleted");
        Query(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM sessions WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            if (command.ExecuteNonQuery() == 0) throw NoSuchSession(id);
            return 0;
        });
    }

    /// <summary>Refuses, with one line, to change a session another run is still recording (<paramref name="what"/>: "deleted", "edited").</summary>
    public void RefuseWhileRecording(long id, string what)
    {
        if (IsRecording(id))
            throw new StorageException($"session {id} is being recorded right now and cannot be {what}: end that run first (q, Esc or Ctrl+C), then try again.");
    }

    private T Query<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = _database.Connect();
            return work(connection);
        }
        catch (SqliteException e)
        {
            throw SessionDatabase.Translate(e, Path);
        }
    }

    private static StorageException NoSuchSession(long id) =>
        new($"no session {id} in the log: run 'liveworkout sessions list' to see the ids.");
}
