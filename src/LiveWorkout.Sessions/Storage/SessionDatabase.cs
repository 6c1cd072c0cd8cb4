using System.Text;
using LiveWorkout.Core;
using Microsoft.Data.Sqlite;

namespace LiveWorkout.Sessions.Storage;

/// <summary>
/// Opens the session log file: refuses a damaged file, a foreign SQLite file or one written by a
/// newer build (without touching a byte of it), migrates an older one, and hands out connections
/// in WAL mode with a busy timeout so a reader can query while a live session writes.
/// </summary>
internal sealed class SessionDatabase
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private readonly string _connectionString;

    public string Path { get; }

    private SessionDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pooling: a closed store must release the file (tests delete it, users move it).
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static SessionDatabase Open(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(path))
            throw new InvalidInputException($"the session log {path} is a folder, not a file: pass --db {System.IO.Path.Combine(path, "sessions.db")} (or set Sessions:DatabasePath to a file).");
        var database = new SessionDatabase(path);
        int version = File.Exists(path) ? Inspect(path) : 0;
        if (version < SessionSchema.CurrentVersion) database.Upgrade(version);
        return database;
    }

    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // NORMAL is durable against a killed process in WAL mode (only power loss can undo the last commits).
            pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(e, Path);
        }
    }

    /// <summary>Turns SQLite's "corrupt"/"not a database" into the one-line user error; other errors pass through.</summary>
    public static Exception Translate(SqliteException e, string path) =>
        e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase ? Damaged(path, e) : e;

    /// <summary>Reads the schema version without writing anything (read-only connection).</summary>
    private static int Inspect(string path)
    {
        if (new FileInfo(path).Length == 0) return 0;
        var header = new byte[Header.Length];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(Header))
                throw Damaged(path, null);

        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(readOnly);
            connection.Open();
            string check = Scalar<string>(connection, "PRAGMA quick_check(1)");
            if (!string.Equals(check, "ok", StringComparison.Ordinal)) throw Damaged(path, null);
            int version = (int)Scalar<long>(connection, "PRAGMA user_version");
            int applicationId = (int)Scalar<long>(connection, "PRAGMA application_id");
            long objects = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master");
            bool ours = version == 0 ? objects == 0 : applicationId == SessionSchema.ApplicationId;
            if (!ours)
                throw new StorageException($"{path} is an SQLite file but not a LiveWorkout session log (left untouched): pass --db or set Sessions:DatabasePath to another file.");
            if (version > SessionSchema.CurrentVersion)
                throw new StorageException($"session log {path} has schema version {version}, newer than this build knows ({SessionSchema.CurrentVersion}); it was left untouched: upgrade LiveWorkout, or pass --db to use another file.");
            return version;
        }
        catch (SqliteException e)
        {
            throw Translate(e, path);
        }
    }

    private void Upgrade(int from)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        if (from > 0) Backup(from);
        using var connection = Connect();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        // Another process may have migrated between Inspect and here: Migrate reads the version under the write lock.
        SessionSchema.Migrate(connection);
    }

    /// <summary>A consistent copy of the file before its first migration: <c>sessions.db.v1.bak</c>.</summary>
    private void Backup(int version)
    {
        string target = $"{Path}.v{version}.bak";
        if (File.Exists(target)) return;
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static StorageException Damaged(string path, Exception? inner) =>
        new($"session log {path} is damaged or not an SQLite file; it was left untouched: move it aside (a new log starts in its place) or pass --db to use another file.", inner);
}
