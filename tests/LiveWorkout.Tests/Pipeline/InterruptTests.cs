using System.Diagnostics;
using System.Runtime.InteropServices;
using LiveWorkout.Sessions;
using LiveWorkout.Vision.Capture.Loopback;

namespace LiveWorkout.Tests.Pipeline;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM end a live session cleanly: the app closes the open set,
/// completes the session log and prints the summary, then says it was interrupted and exits
/// 130, as the README promises (q, Esc and --duration-s are the ways to end a run with 0).
/// </summary>
public sealed class InterruptTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Theory]
    [InlineData(2)]  // SIGINT, Ctrl+C
    [InlineData(15)] // SIGTERM
    public async Task A_signal_during_live_prints_the_summary_completes_the_session_and_exits_130(int signal)
    {
        if (!OperatingSystem.IsLinux()) return; // SIGINT by kill(2); Windows would need a console control event

        using var server = new MjpegStreamServer([30 * 60], fps: 30, width: 320, height: 240);
        string db = Path.Combine(fixture.Directory, $"interrupt-{signal}.db");
        // Through GNU env with SIGINT back at its default: a test host started in the background
        // hands its children an ignored SIGINT (as shells do for background jobs), and .NET then
        // never sees the signal. A user's Ctrl+C in a terminal reaches a foreground app anyway.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = fixture.Directory,
        };
        foreach (string a in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "liveworkout.dll"), "live", "--source", server.Url, "--headless",
                     "--model", fixture.ModelPath, "--device", "cpu", "--db", db })
            start.ArgumentList.Add(a);

        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var error = app.StandardError.ReadToEndAsync();
        try
        {
            // Running for real: the stream has been delivering for a while (start-up included).
            var clock = Stopwatch.StartNew();
            while (server.FramesSent < 60 && clock.Elapsed < TimeSpan.FromSeconds(60) && !app.HasExited) await Task.Delay(100);
            Assert.False(app.HasExited, "the app ended early");
            Assert.True(server.FramesSent >= 60, "the app never read the stream");

            Assert.Equal(0, Kill(app.Id, signal));
            Assert.True(app.WaitForExit(30_000), $"the app did not end within 30 s of signal {signal}");
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
        }

        string stdout = await output, stderr = await error;
        Assert.True(app.ExitCode == 130, $"exit code {app.ExitCode}; stderr: {stderr}");
        Assert.Matches(@"^interrupted: session 1 saved with \d+ sets?\.$", stderr.Trim());
        Assert.Contains("frames (", stdout, StringComparison.Ordinal);
        Assert.Contains("logged as session", stdout, StringComparison.Ordinal);

        var session = Assert.Single(SessionStore.Open(db).LoadSessions());
        Assert.True(session.Session.Complete, "the session was not marked complete");
        Assert.Equal(server.Url, session.Session.Source);
    }
}
