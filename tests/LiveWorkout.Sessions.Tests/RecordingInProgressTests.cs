using System.Diagnostics;
using LiveWorkout.Core;

namespace LiveWorkout.Sessions.Tests;

/// <summary>A session another process is still recording is neither deleted nor edited; once that process is gone (even killed), it can be.</summary>
public sealed class RecordingInProgressTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Deleting_or_editing_a_session_being_recorded_is_refused_until_the_recorder_is_gone()
    {
        var start = new ProcessStartInfo(DurabilityTests.WriterPath()) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { _db.Path, "4", "3" }) start.ArgumentList.Add(a);
        using var writer = Process.Start(start)!;
        var store = SessionStore.Open(_db.Path);
        long id;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("ready", StringComparison.Ordinal)) { }
            id = Assert.Single(store.LoadSessions()).Session.Id;

            Assert.True(store.IsRecording(id));
            var delete = Assert.ThrowsAny<LiveWorkoutException>(() => store.DeleteSession(id));
            Assert.Equal($"session {id} is being recorded right now and cannot be deleted: end that run first (q, Esc or Ctrl+C), then try again.", delete.Message);
            var edit = Assert.ThrowsAny<LiveWorkoutException>(() => store.CorrectSet(id, 1, null, 5));
            Assert.Contains("cannot be edited", edit.Message, StringComparison.Ordinal);
            Assert.Single(store.LoadSessions()); // still there, still recording
        }
        finally
        {
            writer.Kill(entireProcessTree: true); // SIGKILL: the recorder never releases anything itself
            await writer.WaitForExitAsync();
        }

        Assert.False(store.IsRecording(id));
        store.CorrectSet(id, 1, null, 5);
        store.DeleteSession(id);
        Assert.Empty(store.LoadSessions());
        Assert.Empty(Directory.GetFiles(_db.Folder, "*.lock"));
    }

    [Fact]
    public void A_finished_recording_releases_its_session()
    {
        var store = SessionStore.Open(_db.Path);
        var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "clip", "m", "cpu"));
        Assert.True(store.IsRecording(recorder.SessionId));
        Assert.ThrowsAny<LiveWorkoutException>(() => store.DeleteSession(recorder.SessionId));
        recorder.Complete();
        Assert.False(store.IsRecording(recorder.SessionId));
        store.DeleteSession(recorder.SessionId);
    }

    [Fact]
    public void A_source_problem_is_stored_with_the_session_and_its_summary()
    {
        var store = SessionStore.Open(_db.Path);
        using (var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "clip.mp4", "m", "cpu")))
            recorder.FlagSourceProblem("clip.mp4 ended early: 60 of its 120 frames could be decoded");
        long complete = WorkoutEvents.Record(store);

        var flagged = store.LoadSessions().Single(l => l.Session.Id != complete);
        Assert.Equal("clip.mp4 ended early: 60 of its 120 frames could be decoded", flagged.Session.SourceProblem);
        Assert.Null(store.LoadSession(complete).Session.SourceProblem);
        Assert.Equal([null, "clip.mp4 ended early: 60 of its 120 frames could be decoded"],
            store.ListSessions().OrderBy(s => s.Id == complete ? 0 : 1).Select(s => s.SourceProblem));
    }

    [Fact]
    public void A_folder_given_as_the_session_log_is_refused_with_one_line()
    {
        var e = Assert.Throws<InvalidInputException>(() => SessionStore.Open(_db.Folder));
        Assert.Contains("is a folder, not a file: pass --db", e.Message, StringComparison.Ordinal);
    }
}
