using System.Diagnostics;

namespace LiveWorkout.Sessions.Tests;

/// <summary>A real child process records a set, is killed with SIGKILL mid-set, and the log keeps it up to the last checkpoint.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    /// <summary>The writer's apphost in its own build output (tests/X.Tests/bin/C/net10.0 → tests/Writer/bin/C/net10.0).</summary>
    internal static string WriterPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        string tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        string name = OperatingSystem.IsWindows() ? "LiveWorkout.Sessions.Writer.exe" : "LiveWorkout.Sessions.Writer";
        string path = Path.Combine(tests, "LiveWorkout.Sessions.Writer", "bin", configuration, framework, name);
        Assert.True(File.Exists(path), $"build tests/LiveWorkout.Sessions.Writer first: {path} is missing");
        return path;
    }

    [Fact]
    public async Task Killed_writer_keeps_the_open_set_up_to_the_last_checkpoint()
    {
        // Checkpoint every 4 s of media time; one rep per second from t=2 s; 10 reps, then wait.
        var start = new ProcessStartInfo(WriterPath()) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { _db.Path, "4", "10" }) start.ArgumentList.Add(a);
        using var writer = Process.Start(start)!;
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("ready", StringComparison.Ordinal)) break;
            }
        }
        finally
        {
            writer.Kill(entireProcessTree: true); // SIGKILL on Unix: no finalizers, no Dispose
            await writer.WaitForExitAsync();
        }
        Assert.StartsWith("ready", lines[^1], StringComparison.Ordinal);
        var last = lines.Last(l => l.StartsWith("checkpoint", StringComparison.Ordinal)).Split(' ');
        int checkpointReps = int.Parse(last[1], System.Globalization.CultureInfo.InvariantCulture);
        long checkpointMs = long.Parse(last[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(checkpointReps < 10, "the last reps must come after the last checkpoint, or the test proves nothing");

        var log = SessionStore.Open(_db.Path).LoadSession(1);
        Assert.False(log.Session.Complete);
        var set = Assert.Single(log.Sets);
        Assert.Equal((SetStatus.Open, "squat", checkpointReps), (set.Status, set.Exercise, set.Reps));
        Assert.Equal(TimeSpan.FromSeconds(1), set.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(checkpointMs), set.End);
        Assert.Equal(Enumerable.Range(1, checkpointReps).Select(r => TimeSpan.FromSeconds(1 + r)), set.RepTimes);
        Assert.Equal(TimeSpan.FromMilliseconds(checkpointMs), log.Session.Duration);
        Assert.True(log.Timeline.Count >= checkpointReps);
    }
}
