using Microsoft.Data.Sqlite;

namespace LiveWorkout.Sessions.Storage;

/// <summary>One step of the schema: it takes a database at <c>Version - 1</c> to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);

/// <summary>
/// The session log's schema as an ordered list of migrations. The file's <c>PRAGMA user_version</c>
/// says which steps it has had; <c>PRAGMA application_id</c> marks it as ours. Steps are never
/// edited once shipped (a test freezes v1): a change is a new step.
/// </summary>
internal static class SessionSchema
{
    /// <summary>'LWRK': tells a LiveWorkout session log from any other SQLite file.</summary>
    public const int ApplicationId = 0x4C57524B;

    /// <summary>Times are integer milliseconds of media time from the session start; wall-clock times are ISO 8601 UTC text.</summary>
    public const string V1 = """
        CREATE TABLE sessions (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at  TEXT    NOT NULL,
            ended_at    TEXT,
            duration_ms INTEGER NOT NULL DEFAULT 0,
            source      TEXT    NOT NULL,
            model       TEXT    NOT NULL,
            device      TEXT    NOT NULL,
            notes       TEXT    NOT NULL DEFAULT ''
        );
        CREATE TABLE sets (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            set_order       INTEGER NOT NULL,
            exercise        TEXT    NOT NULL,
            start_ms        INTEGER NOT NULL,
            end_ms          INTEGER NOT NULL,
            reps            INTEGER NOT NULL,
            rep_times_ms    TEXT    NOT NULL,
            mean_confidence REAL    NOT NULL,
            hold_ms         INTEGER,
            status          TEXT    NOT NULL CHECK (status IN ('open', 'committed')),
            UNIQUE (session_id, set_order)
        );
        CREATE TABLE timeline (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            offset_ms  INTEGER NOT NULL,
            label      TEXT    NOT NULL,
            confidence REAL    NOT NULL,
            PRIMARY KEY (session_id, offset_ms)
        ) WITHOUT ROWID;
        CREATE TABLE source_gaps (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            lost_ms      INTEGER NOT NULL,
            recovered_ms INTEGER,
            reason       TEXT    NOT NULL
        );
        """;

    /// <summary>
    /// v2: absolute wall-clock start/end on each set (backfilled from the session start), user
    /// corrections kept beside the recognised values (they are future training labels), and a
    /// view that applies the latest correction of each field.
    /// </summary>
    public const string V2 = """
        ALTER TABLE sets ADD COLUMN started_at TEXT;
        ALTER TABLE sets ADD COLUMN ended_at TEXT;
        UPDATE sets SET
            started_at = strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT s.started_at FROM sessions s WHERE s.id = sets.session_id), printf('%+.3f seconds', start_ms / 1000.0)),
            ended_at   = strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT s.started_at FROM sessions s WHERE s.id = sets.session_id), printf('%+.3f seconds', end_ms / 1000.0));
        CREATE TABLE corrections (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            set_id       INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
            corrected_at TEXT    NOT NULL,
            exercise     TEXT,
            reps         INTEGER,
            CHECK (exercise IS NOT NULL OR reps IS NOT NULL)
        );
        CREATE INDEX ix_corrections_set ON corrections(set_id, id);
        CREATE INDEX ix_sessions_started ON sessions(started_at);
        CREATE VIEW effective_sets AS
        SELECT s.*,
               COALESCE((SELECT c.exercise FROM corrections c WHERE c.set_id = s.id AND c.exercise IS NOT NULL ORDER BY c.id DESC LIMIT 1), s.exercise) AS effective_exercise,
               COALESCE((SELECT c.reps FROM corrections c WHERE c.set_id = s.id AND c.reps IS NOT NULL ORDER BY c.id DESC LIMIT 1), s.reps) AS effective_reps,
               EXISTS (SELECT 1 FROM corrections c WHERE c.set_id = s.id) AS corrected
        FROM sets s;
        """;

    /// <summary>
    /// v3: what went wrong with a session's source (a clip that ended early, damaged images),
    /// null when it delivered everything, so a partial session is never taken for a whole one.
    /// </summary>
    public const string V3 = """
        ALTER TABLE sessions ADD COLUMN source_problem TEXT;
        """;

    /// <summary>
    /// v4: what only the person knows about a set, entered with <c>sessions edit</c>: the weight
    /// (kilograms; shown in the configured unit), the effort (RPE 1-10) and notes.
    /// </summary>
    public const string V4 = """
        ALTER TABLE sets ADD COLUMN weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg >= 0);
        ALTER TABLE sets ADD COLUMN rpe REAL CHECK (rpe IS NULL OR (rpe >= 1 AND rpe <= 10));
        ALTER TABLE sets ADD COLUMN set_notes TEXT NOT NULL DEFAULT '';
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "sessions, sets, timeline, source gaps", V1),
        new(2, "absolute set times, corrections, effective_sets view", V2),
        new(3, "source problem of a session", V3),
        new(4, "weight, RPE and notes of a set", V4),
    ];

    public static int CurrentVersion => Migrations[^1].Version;

    /// <summary>
    /// Applies every step above the file's version in one transaction, so a failure leaves the file
    /// as it was. The version is read inside it, under the write lock: another process opening the
    /// same new log at the same moment may have just migrated it.
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        int from;
        using (var version = connection.CreateCommand())
        {
            version.Transaction = transaction;
            version.CommandText = "PRAGMA user_version";
            from = (int)(long)version.ExecuteScalar()!;
        }
        if (from >= CurrentVersion) return;
        foreach (var step in Migrations.Where(m => m.Version > from))
        {
            Execute(connection, transaction, step.Sql);
            Execute(connection, transaction, $"PRAGMA user_version = {step.Version};");
        }
        Execute(connection, transaction, $"PRAGMA application_id = {ApplicationId};");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
