namespace LiveWorkout.Sessions.Storage;

/// <summary>
/// Marks a session as being recorded: an exclusive lock on <c>&lt;db&gt;.recording-&lt;id&gt;.lock</c>
/// held by the recording process. The operating system drops the lock when that process ends,
/// even by kill -9, so a held lock always means a live recorder and a stale file means none.
/// </summary>
internal sealed class RecordingLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;

    private RecordingLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    public static string PathFor(string databasePath, long sessionId) => $"{databasePath}.recording-{sessionId}.lock";

    /// <summary>Takes the lock of a session that has just been created (retrying a reader's brief look at it).</summary>
    public static RecordingLock Take(string databasePath, long sessionId)
    {
        string path = PathFor(databasePath, sessionId);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new RecordingLock(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None), path);
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>True while a process records the session; removes the file a killed recorder left.</summary>
    public static bool IsHeld(string databasePath, long sessionId)
    {
        string path = PathFor(databasePath, sessionId);
        if (!File.Exists(path)) return false;
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)) { }
        }
        catch (FileNotFoundException) { return false; }
        catch (IOException) { return true; }
        catch (UnauthorizedAccessException) { return false; }
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return false;
    }

    public void Dispose()
    {
        _stream.Dispose();
        try { File.Delete(_path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
