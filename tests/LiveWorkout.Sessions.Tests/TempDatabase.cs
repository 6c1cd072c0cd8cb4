namespace LiveWorkout.Sessions.Tests;

/// <summary>A temporary folder holding a session log file; deleted with everything SQLite left beside it.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lw-sessions-" + Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(_folder);

    public string Path => System.IO.Path.Combine(_folder, "sessions.db");

    public string Folder => _folder;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A wall clock that says what the test tells it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
