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
        Assert.Matches(@"^ 1  2025-03-0\d \d\d:\d\d\s+14:12\s+6:33\s+10\s+131  Jumping jack, Squat", lines[2]);

        (code, string show, _) = await Run("sessions", "show", "1", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("  rest", show, StringComparison.Ordinal);
        Assert.Contains("0:45 hold", show, StringComparison.Ordinal);
        Assert.Contains("camera stream stalled", show, StringComparison.Ordinal);

        (code, string stats, _) = await Run("sessions", "stats", "--by", "week", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("Squat", stats, StringComparison.Ordinal);
        Assert.Contains("1 session, 10 sets, 131 reps", stats, StringComparison.Ordinal);

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
        Assert.Contains("aria-label=\"Timeline of the sets\"", File.ReadAllText(html), StringComparison.Ordinal);

        (code, string edited, err) = await Run("sessions", "edit", "1", "2", "--exercise", "lunge", "--reps", "16", "--db", Db);
        Assert.True(code == 0, err);
        Assert.Contains("Lunge x16 (recognised as Squat x15)", edited, StringComparison.Ordinal);

        (code, _, err) = await Run("sessions", "edit", "1", "2", "--exercise", "yoga", "--db", Db);
        Assert.Equal(2, code);
        Assert.StartsWith("error: unknown exercise 'yoga'", err, StringComparison.Ordinal);

        (code, _, _) = await Run("sessions", "delete", "1", "--yes", "--db", Db);
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

    [Fact]
    public async Task Delete_empty_removes_every_session_without_a_set_after_confirmation()
    {
        var (code, _, err) = await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00");
        Assert.True(code == 0, err);
        var store = Sessions.SessionStore.Open(Db);
        for (int i = 0; i < 3; i++)
            store.StartRecording(new Sessions.NewSession(DateTimeOffset.Now, "camera 7", "m", "cpu")).Complete();
        Assert.Equal(4, store.LoadSessions().Count);

        var refused = AppProcess.Run(["sessions", "delete", "--empty", "--db", Db], _folder, input: "n\n");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("error: nothing deleted: answer y to delete, or pass --yes.", refused.Error.Trim());
        Assert.Contains("Delete these 3 sessions? [y/N]", refused.Output, StringComparison.Ordinal);
        Assert.Equal(4, store.LoadSessions().Count);

        var confirmed = AppProcess.Run(["sessions", "delete", "--empty", "--db", Db], _folder, input: "y\n");
        Assert.True(confirmed.ExitCode == 0, confirmed.Error);
        Assert.Contains("deleted 3 sessions: 2, 3, 4", confirmed.Output, StringComparison.Ordinal);
        Assert.Equal([1L], store.LoadSessions().Select(l => l.Session.Id));

        (code, string output, _) = await Run("sessions", "delete", "--empty", "--yes", "--db", Db);
        Assert.Equal(0, code);
        Assert.StartsWith("No empty sessions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_takes_several_ids_and_without_an_answer_deletes_nothing()
    {
        foreach (string start in new[] { "2025-03-01T08:00:00", "2025-03-02T08:00:00", "2025-03-03T08:00:00" })
            Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", start)).Code);

        var closed = AppProcess.Run(["sessions", "delete", "1", "3", "--db", Db], _folder, input: "");
        Assert.Equal(1, closed.ExitCode);
        Assert.Equal(3, Sessions.SessionStore.Open(Db).LoadSessions().Count);

        var (code, output, err) = await Run("sessions", "delete", "1", "3", "--yes", "--db", Db);
        Assert.True(code == 0, err);
        Assert.Contains("deleted 2 sessions: 1, 3", output, StringComparison.Ordinal);
        Assert.Equal([2L], Sessions.SessionStore.Open(Db).LoadSessions().Select(l => l.Session.Id));
    }

    [Fact]
    public async Task A_session_id_that_is_not_a_number_gets_one_line()
    {
        var (code, _, err) = await Run("sessions", "show", "abc", "--db", Db);
        Assert.Equal(2, code);
        Assert.StartsWith("usage error: 'abc' is not a session id: give the number 'liveworkout sessions list' shows, e.g. 'sessions show 3'.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "sessions", "edit", "1", "abc" }, "usage error: 'abc' is not a whole number, which 'edit' wants here")]
    [InlineData(new[] { "sessions", "edit", "1", "2", "--reps", "lots" }, "usage error: 'lots' is not a whole number, which --reps wants here")]
    [InlineData(new[] { "live", "--duration-s", "soon" }, "usage error: 'soon' is not a number, which --duration-s wants here")]
    public async Task Values_of_the_wrong_kind_are_named_without_type_names(string[] args, string line)
    {
        var (code, _, err) = await Run(args);
        Assert.Equal(2, code);
        Assert.Equal(line, err.Split('\n')[0].TrimEnd());
    }

    [Fact]
    public async Task A_folder_given_as_the_log_is_an_error_not_an_empty_log()
    {
        var (code, output, err) = await Run("sessions", "list", "--db", _folder);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("is a folder, not a file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_csv_json_and_edit_use_one_name_per_exercise_and_edit_takes_any_spelling()
    {
        Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00")).Code);
        var (_, show, _) = await Run("sessions", "show", "1", "--db", Db);
        var (_, csv, _) = await Run("sessions", "export", "--db", Db);
        var (_, json, _) = await Run("sessions", "export", "--format", "json", "--db", Db);
        Assert.Contains("Push-up", show, StringComparison.Ordinal);
        Assert.DoesNotContain("push up", show, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(",Push-up,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Push Up", csv, StringComparison.Ordinal);
        Assert.Contains("\"exerciseName\": \"Push-up\"", json, StringComparison.Ordinal);

        var (code, edited, err) = await Run("sessions", "edit", "1", "1", "--exercise", "Push Up", "--db", Db);
        Assert.True(code == 0, err);
        Assert.StartsWith("session 1 set 1: Push-up x", edited, StringComparison.Ordinal);
        (code, edited, err) = await Run("sessions", "edit", "1", "2", "--exercise", "pushup", "--db", Db);
        Assert.True(code == 0, err);
        Assert.StartsWith("session 1 set 2: Push-up x", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_reps_of_a_plank_is_refused_in_one_line()
    {
        Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00")).Code);
        var (code, _, err) = await Run("sessions", "edit", "1", "5", "--reps", "5", "--db", Db);
        Assert.Equal(2, code);
        Assert.Equal("error: set 5 is Plank, which is measured in time, not reps: leave out --reps (or correct the exercise with --exercise).", err.Trim());
        var (_, stats, _) = await Run("sessions", "stats", "--db", Db);
        Assert.Matches(@"(?m)^Plank\s+1\s+-\s+0:4\d$", stats);
    }

    [Fact]
    public async Task A_report_goes_beside_the_log_or_into_an_out_folder_never_the_current_folder()
    {
        Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00")).Code);
        string cwd = Directory.GetCurrentDirectory();
        var (code, output, err) = await Run("sessions", "report", "1", "--db", Db);
        Assert.True(code == 0, err);
        string beside = Path.Combine(_folder, "reports", "session-1.html");
        Assert.Equal($"wrote {beside}", output.Trim());
        Assert.True(File.Exists(beside));
        Assert.False(File.Exists(Path.Combine(cwd, "session-1.html")));

        string folder = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        (code, output, err) = await Run("sessions", "report", "1", "--out", folder, "--db", Db);
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(folder, "session-1.html")), output);
    }

    [Fact]
    public async Task Report_history_writes_the_progress_page_beside_the_log_and_diagnostics_only_on_request()
    {
        foreach (string start in new[] { "2025-03-03T08:00:00", "2025-03-05T18:00:00", "2025-03-12T08:00:00" })
            Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", start)).Code);
        Assert.Equal(0, (await Run("sessions", "edit", "3", "7", "--weight", "30lb", "--db", Db)).Code);

        var (code, output, err) = await Run("sessions", "report", "--history", "--db", Db, "--set", "Sessions:WeightUnit=lb");
        Assert.True(code == 0, err);
        string progress = Path.Combine(_folder, "reports", "progress.html");
        Assert.Equal($"wrote {progress}", output.Trim());
        string html = File.ReadAllText(progress);
        Assert.Contains("3 workouts from Mon 3 Mar 2025 to Wed 12 Mar 2025", html, StringComparison.Ordinal);
        Assert.Contains("heaviest <b>30 lb</b>, 12 Mar", html, StringComparison.Ordinal);

        string session = Path.Combine(_folder, "session.html");
        (code, _, err) = await Run("sessions", "report", "2", "--out", session, "--db", Db);
        Assert.True(code == 0, err);
        Assert.DoesNotContain("kim-cnn", File.ReadAllText(session), StringComparison.Ordinal);
        (code, _, err) = await Run("sessions", "report", "2", "--diagnostics", "--out", session, "--db", Db);
        Assert.True(code == 0, err);
        Assert.Contains("models/default (kim-cnn)", File.ReadAllText(session), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "sessions", "report" }, "error: say what to report: a session id (see 'sessions list'), or --history for the progress page.")]
    [InlineData(new[] { "sessions", "report", "1", "--history" }, "error: give a session id or --history, not both.")]
    [InlineData(new[] { "sessions", "report", "--history", "--diagnostics" }, "error: --diagnostics belongs to a session's report: leave it out with --history.")]
    [InlineData(new[] { "sessions", "report", "first" }, "usage error: 'first' is not a session id: give the number 'liveworkout sessions list' shows, e.g. 'sessions report 3'.")]
    public async Task Report_asks_for_one_thing_to_report_in_one_line(string[] args, string line)
    {
        Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00")).Code);
        var (code, output, err) = await Run([.. args, "--db", Db]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(line, err.Split('\n')[0].TrimEnd());
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_enters_weight_rpe_and_notes_shown_and_exported_in_the_configured_unit()
    {
        Assert.Equal(0, (await Run("sessions", "seed-demo", "--db", Db, "--start", "2025-03-01T08:00:00")).Code);
        var (code, edited, err) = await Run("sessions", "edit", "1", "2", "--weight", "135lb", "--rpe", "8.5", "--notes", "felt heavy", "--db", Db, "--set", "Sessions:WeightUnit=lb");
        Assert.True(code == 0, err);
        Assert.StartsWith("session 1 set 2: Squat x15, 135 lb, RPE 8.5, \"felt heavy\" (recognised as Squat x15)", edited, StringComparison.Ordinal);

        var (_, show, _) = await Run("sessions", "show", "1", "--db", Db);
        Assert.Matches(@"(?m)^\s*2\s+\S+\s+Squat\s+15\s+61\.23 kg\s+8\.5\s+.*felt heavy", show);
        var (_, csv, _) = await Run("sessions", "export", "--db", Db, "--set", "Sessions:WeightUnit=lb");
        Assert.Contains(",Squat,1,135,15,0,0,felt heavy; confidence", csv, StringComparison.Ordinal);
        Assert.EndsWith(",8.5", csv.Split('\n')[2], StringComparison.Ordinal);

        (code, _, err) = await Run("sessions", "edit", "1", "2", "--db", Db);
        Assert.Equal(2, code);
        Assert.Equal("error: nothing to change: give --exercise, --reps, --weight, --rpe and/or --notes.", err.Trim());
        (code, _, err) = await Run("sessions", "show", "1", "--db", Db, "--set", "Sessions:WeightUnit=stone");
        Assert.Equal(2, code);
        Assert.Equal("config error: Sessions:WeightUnit: must be kg or lb", err.Trim());
    }
}
