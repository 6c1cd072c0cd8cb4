using LiveWorkout.Cli;

namespace LiveWorkout.Tests.Commands;

/// <summary>`liveworkout sessions …` end to end on a temporary log seeded with the demo workout.</summary>
public sealed class SessionsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lw-cli-" + Guid.NewGuid().ToString("N"));

    public SessionsCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Db => Path.Combine(_folder, "sessions.db");

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await LiveWorkoutCli.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task List_show_stats_export_report_edit_and_delete_work_on_a_seeded_log()
    {
        var (code, _, err) = await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00");
        Assert.True(code == 0, err);

        (code, string list, _) = await Run("sessions", "list", "--db", Db);
        Assert.Equal(0, code);
        var lines = list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^id\s+date\s+duration\s+active\s+sets\s+reps\s+exercises$", lines[0]);
        Assert.Matches(@"^ 1  2025-03-0\d \d\d:\d\d\s+14:12\s+6:33\s+10\s+131  jumping jack, squat", lines[2]);

        (code, string show, _) = await Run("sessions", "show", "1", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("  rest", show, StringComparison.Ordinal);
        Assert.Contains("0:45 hold", show, StringComparison.Ordinal);
        Assert.Contains("camera stream stalled", show, StringComparison.Ordinal);

        (code, string stats, _) = await Run("sessions", "stats", "--by", "week", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("squat", stats, StringComparison.Ordinal);
        Assert.Contains("1 sessions, 10 sets, 131 reps", stats, StringComparison.Ordinal);

        string csv = Path.Combine(_folder, "out", "log.csv");
        (code, _, err) = await Run("sessions", "export", "--format", "csv", "--out", csv, "--db", Db);
        Assert.True(code == 0, err);
        Assert.Equal(11, File.ReadAllLines(csv).Length);

        (code, string json, _) = await Run("sessions", "export", "--format", "json", "--session", "1", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("\"format\": \"liveworkout.sessions\"", json, StringComparison.Ordinal);

        string html = Path.Combine(_folder, "report.html");
        (code, _, err) = await Run("sessions", "report", "1", "--out", html, "--db", Db);
        Assert.True(code == 0, err);
        Assert.Contains("data:image/png;base64,", File.ReadAllText(html), StringComparison.Ordinal);

        (code, string edited, err) = await Run("sessions", "edit", "1", "2", "--exercise", "lunge", "--reps", "16", "--db", Db);
        Assert.True(code == 0, err);
        Assert.Contains("lunge x16 (recognised as squat x15)", edited, StringComparison.Ordinal);

        (code, _, err) = await Run("sessions", "edit", "1", "2", "--exercise", "yoga", "--db", Db);
        Assert.Equal(2, code);
        Assert.StartsWith("error: unknown exercise 'yoga'", err, StringComparison.Ordinal);

        (code, _, _) = await Run("sessions", "delete", "1", "--db", Db);
        Assert.Equal(0, code);
        (code, _, err) = await Run("sessions", "show", "1", "--db", Db);
        Assert.Equal(1, code);
        Assert.Equal("error: no session 1 in the log: run 'liveworkout sessions list' to see the ids.", err.Trim());
    }

    [Fact]
    public async Task A_damaged_log_gives_one_line_and_is_not_modified()
    {
        File.WriteAllText(Db, "not a database");
        var (code, _, err) = await Run("sessions", "list", "--db", Db);
        Assert.Equal(1, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("damaged or not an SQLite file", err, StringComparison.Ordinal);
        Assert.Equal("not a database", File.ReadAllText(Db));
    }

    [Fact]
    public async Task Listing_a_missing_log_says_so_without_creating_it()
    {
        var (code, output, _) = await Run("sessions", "list", "--db", Db);
        Assert.Equal(0, code);
        Assert.StartsWith("No sessions yet", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }
}
