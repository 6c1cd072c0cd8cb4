namespace LiveWorkout.Learning.Tests;

/// <summary>A new folder name under the system's temp folder; disposing deletes the folder with everything in it, if it was made.</summary>
internal sealed class TempFolder(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, true);
    }
}
