using LiveWorkout.Core.Recognition;
using LiveWorkout.Sessions.Recording;
using LiveWorkout.Sessions.Reports;

namespace LiveWorkout.Sessions.Tests;

/// <summary>The single-session page: what a person needs to see, the recogniser's details only on request, and honest words for empty or interrupted sessions.</summary>
public sealed class SessionReportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_session_page_shows_when_sets_reps_time_weight_and_rest_but_no_recogniser_details()
    {
        var store = SessionStore.Open(_db.Path);
        long id = DemoWorkout.Seed(store, WorkoutEvents.Start);
        store.SetDetails(id, 7, 12.5, 8, "slow on the way down");
        var log = store.LoadSession(id);
        string html = SessionReport.Render(log, TimeZoneInfo.Utc);

        Assert.Contains("<h1>Morning workout</h1><div class=\"sub\">Saturday 1 March 2025 · 08:00–08:14 · session 1</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"v\">14:12</div><div class=\"l\">duration</div>", html, StringComparison.Ordinal);
        Assert.Contains("<i style=\"background:#0284c7\"></i>Plank</span></td><td class=\"n strong\">0:45 hold</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n strong\">0:5", html, StringComparison.Ordinal); // running, measured in time
        var curl = log.Sets.Single(s => s.Order == 7);
        Assert.Contains($"Bicep curl</span></td><td class=\"n strong\">{curl.Reps} reps</td><td class=\"n\">12.5 kg</td><td class=\"n\">8</td>", html, StringComparison.Ordinal);
        Assert.Contains("slow on the way down", html, StringComparison.Ordinal);
        string firstRest = DisplayFormat.Duration(log.Sets[1].Start - log.Sets[0].End);
        Assert.Contains($"<td class=\"n\">{DisplayFormat.Duration(log.Sets[0].Duration)}</td><td class=\"n\">{firstRest}</td>", html, StringComparison.Ordinal);
        Assert.Contains("The camera dropped out.", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Timeline of the sets\"", html, StringComparison.Ordinal);

        Assert.DoesNotContain("kim-cnn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("recordings/demo.mp4", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidence", html, StringComparison.OrdinalIgnoreCase);
        ProgressReportTests.AssertPlainAndSane(html);
    }

    [Fact]
    public void Diagnostics_add_the_source_model_device_and_confidence()
    {
        var store = SessionStore.Open(_db.Path);
        long id = DemoWorkout.Seed(store, WorkoutEvents.Start);
        string html = SessionReport.Render(store.LoadSession(id), TimeZoneInfo.Utc, diagnostics: true);
        Assert.Contains("<code>recordings/demo.mp4</code>", html, StringComparison.Ordinal);
        Assert.Contains("models/default (kim-cnn)", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Confidence over time\"", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"n\">confidence</th>", html, StringComparison.Ordinal);
        ProgressReportTests.AssertPlainAndSane(html);
    }

    [Fact]
    public void A_session_without_sets_says_so_without_empty_charts()
    {
        var store = SessionStore.Open(_db.Path);
        long id;
        using (var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "camera 0", "m", "cpu")))
        {
            for (int t = 0; t <= 30; t++) recorder.Record(new TimelineSample(TimeSpan.FromSeconds(t), "idle", 0.9));
            recorder.Complete();
            id = recorder.SessionId;
        }
        foreach (bool diagnostics in new[] { false, true })
        {
            string html = SessionReport.Render(store.LoadSession(id), TimeZoneInfo.Utc, diagnostics: diagnostics);
            Assert.Contains("<b>No sets were recognised in this session</b>It lasted 0:30.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Timeline of the sets", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
            Assert.DoesNotContain("did not end cleanly", html, StringComparison.Ordinal);
            ProgressReportTests.AssertPlainAndSane(html);
        }
        Assert.DoesNotContain("<svg", SessionReport.Render(store.LoadSession(id), TimeZoneInfo.Utc), StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupted_session_and_a_source_that_ended_early_say_so_in_a_banner()
    {
        var store = SessionStore.Open(_db.Path);
        using var recorder = store.StartRecording(new NewSession(WorkoutEvents.Start, "clip.mp4", "m", "cpu"), new SessionRecorderOptions { CheckpointInterval = TimeSpan.FromSeconds(1) });
        recorder.Record(new SetStarted(TimeSpan.FromSeconds(2), "squat", 0.8));
        for (int rep = 1; rep <= 4; rep++) recorder.Record(new RepCounted(TimeSpan.FromSeconds(2 + 2 * rep), "squat", rep));
        recorder.FlagSourceProblem("clip.mp4 ended early: 300 of its 900 frames could be decoded (the file is cut short or damaged)");

        // Read while the set is still open, as after a crash: the log holds it up to its last checkpoint.
        string html = SessionReport.Render(store.LoadSession(recorder.SessionId), TimeZoneInfo.Utc);
        Assert.Contains("<div class=\"banner warn\"><b>This session did not end cleanly.</b>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"banner warn\"><b>The video ended early.</b> Only part of it could be read, so later sets may be missing: clip.mp4 ended early: 300 of its 900 frames could be decoded (the file is cut short or damaged).</div>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"pill warn\">unfinished</span>", html, StringComparison.Ordinal);
        ProgressReportTests.AssertPlainAndSane(html);
        recorder.Complete();
    }
}
