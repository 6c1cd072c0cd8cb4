namespace LiveWorkout.Core;

/// <summary>Files written where the user asked (reports, JSON, traces): a failure is one line naming the file.</summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, making its folder; a failure is one line naming the file.</summary>
    public static void WriteAllText(string path, string text)
    {
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"cannot write {path}: {e.Message}");
        }
    }
}
