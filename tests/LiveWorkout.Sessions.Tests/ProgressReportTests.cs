using System.Text.RegularExpressions;
using LiveWorkout.Sessions.Reports;

namespace LiveWorkout.Sessions.Tests;

/// <summary>The progress page over a real log of eight weeks: records, weeks, calendar, streaks, and a friendly page for an empty log.</summary>
public sealed partial class ProgressReportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void History_page_shows_records_weeks_calendar_and_recent_sessions_without_impossible_numbers()
    {
        var store = SessionStore.Open(_db.Path);
        TrainingWeeks.Record(store);
        var logs = store.LoadSessions();
        string html = ProgressReport.Render(logs, TimeZoneInfo.Utc, TrainingWeeks.Today);

        Assert.Contains("16 workouts from Mon 3 Feb 2025 to Sat 29 Mar 2025", html, StringComparison.Ordinal);
        int squatBest = logs.SelectMany(l => l.Sets).Where(s => s.Exercise == "squat").Max(s => s.Reps);
        Assert.Contains($"Squat</div><div class=\"big\">{squatBest}<small>reps</small>", html, StringComparison.Ordinal);
        Assert.Contains("heaviest <b>16 kg</b>, 28 Mar", html, StringComparison.Ordinal);
        Assert.Matches(@"Plank</div><div class=""big"">0:\d\d<small>hold</small>", html);

        // The calendar: 22 weeks of days up to today, each with its own tooltip.
        var cells = CalendarCell().Matches(html);
        Assert.Equal(ProgressReport.CalendarWeeks * 7, cells.Count);
        Assert.Contains(cells, c => c.Groups[1].Value.StartsWith("Mon 10 Mar 2025: 1 workout, ", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Groups[1].Value == "Mon 17 Feb 2025: no workout");
        Assert.Equal(16, cells.Count(c => !c.Groups[1].Value.EndsWith("no workout", StringComparison.Ordinal)));

        // The weekly chart names the eight weeks, the missed one included; the streak reads in weeks.
        foreach (string week in new[] { "3 Feb", "10 Feb", "17 Feb", "24 Feb", "3 Mar", "10 Mar", "17 Mar", "24 Mar" })
            Assert.Contains($">{week}</text>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"bignum\">5<small>weeks in a row</small></div>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Days in a row</dt><dd>2 <span class=\"dim\">(best 4)</span></dd>", html, StringComparison.Ordinal);

        // Recent sessions, newest first: the one in which nothing was recognised says so.
        Assert.Contains("<div class=\"strong\">Sat 29 Mar 2025</div><div class=\"dim\">20:00 · session 17</div>", html, StringComparison.Ordinal);
        Assert.Contains("no sets recognised", html, StringComparison.Ordinal);

        Assert.Matches(@"<div class=""v"">\d+:\d\d(:\d\d)?</div><div class=""l"">active time</div>", html); // durations read m:ss, never decimal minutes
        AssertPlainAndSane(html);
    }

    [Fact]
    public void Weights_and_volume_read_in_the_chosen_unit()
    {
        var store = SessionStore.Open(_db.Path);
        TrainingWeeks.Record(store);
        string html = ProgressReport.Render(store.LoadSessions(), TimeZoneInfo.Utc, TrainingWeeks.Today, WeightUnit.Pounds);
        Assert.Contains("heaviest <b>35.27 lb</b>", html, StringComparison.Ordinal);
        Assert.Contains("<small>lb</small></div><div class=\"l\">volume lifted</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" kg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_log_gives_a_friendly_page_without_charts()
    {
        var store = SessionStore.Open(_db.Path);
        string html = ProgressReport.Render(store.LoadSessions(), TimeZoneInfo.Utc, TrainingWeeks.Today);
        Assert.Contains("<b>No workouts yet</b>Record one with <code>liveworkout live</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        AssertPlainAndSane(html);

        // Sessions in which nothing was recognised are no workouts either.
        using (var recorder = store.StartRecording(new NewSession(new DateTimeOffset(2025, 3, 30, 9, 0, 0, TimeSpan.Zero), "camera 0", "m", "cpu")))
            recorder.Complete();
        html = ProgressReport.Render(store.LoadSessions(), TimeZoneInfo.Utc, TrainingWeeks.Today);
        Assert.Contains("The log holds 1 session, but no sets were recognised in it.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void The_history_page_renders_in_headless_chromium()
    {
        var store = SessionStore.Open(_db.Path);
        TrainingWeeks.Record(store);
        string page = Path.Combine(_db.Folder, "progress.html"), png = Path.Combine(_db.Folder, "progress.png");
        File.WriteAllText(page, ProgressReport.Render(store.LoadSessions(), TimeZoneInfo.Utc, TrainingWeeks.Today));

        var (exitCode, errors) = ChromiumFactAttribute.Screenshot(page, png, _db.Folder);
        Assert.True(exitCode == 0, errors);
        Assert.DoesNotMatch("CONSOLE|Uncaught", errors);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 20_000, "a rendered page, not a blank one");
    }

    /// <summary>No script, no external resource, no NaN or infinity, and no negative coordinate or size in any chart.</summary>
    internal static void AssertPlainAndSane(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\s(x|y|x1|x2|y1|y2|cx|cy|r|rx|width|height)=""-", html);
        foreach (Match points in Regex.Matches(html, "points=\"([^\"]*)\""))
            Assert.DoesNotContain("-", points.Groups[1].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<rect [^>]*><title>([A-Z][a-z]{2} \\d+ [A-Z][a-z]{2} \\d{4}: [^<]*)</title></rect>")]
    private static partial Regex CalendarCell();
}
