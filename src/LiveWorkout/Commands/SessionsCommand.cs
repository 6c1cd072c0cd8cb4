using System.CommandLine;
using System.Globalization;
using System.Text;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Pipeline;
using LiveWorkout.Sessions;
using LiveWorkout.Sessions.Export;
using LiveWorkout.Sessions.Recording;
using LiveWorkout.Sessions.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout sessions …`: review, export, report, correct and delete logged sessions.</summary>
public static class SessionsCommand
{
    private static readonly Option<string?> Db = new("--db")
    {
        Description = "Session log file (default: Sessions:DatabasePath, else ~/.local/share/LiveWorkout/sessions.db)",
        Recursive = true,
    };

    public static Command Create()
    {
        var sessions = new Command("sessions", "Review the session log: list, show, stats, export, report, edit, delete");
        sessions.Options.Add(Db);
        foreach (var command in new[] { List(), Show(), Stats(), Export(), Report(), Edit(), Delete(), SeedDemo() })
            sessions.Subcommands.Add(command);
        return sessions;
    }

    private static Command List()
    {
        var command = new Command("list", "List sessions: date, duration, active time, sets, exercises, reps");
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            var summaries = store?.ListSessions() ?? [];
            if (summaries.Count == 0)
            {
                output.WriteLine($"No sessions yet in {store?.Path ?? "the session log"}. Record one with 'liveworkout live' or 'liveworkout replay'.");
                return ExitCodes.Ok;
            }
            var table = new TextTable(">id", "date", ">duration", ">active", ">sets", ">reps", "exercises");
            foreach (var s in summaries)
                table.Add(Id(s.Id, s.Complete, s.SourceProblem is not null), DisplayFormat.DateTime(s.StartedAt, TimeZoneInfo.Local), DisplayFormat.Duration(s.Duration),
                    DisplayFormat.Duration(s.ActiveTime), N(s.Sets), N(s.TotalReps), string.Join(", ", s.Exercises.Select(DisplayFormat.Exercise)));
            table.Write(output);
            if (summaries.Any(s => !s.Complete)) output.WriteLine("* interrupted or still recording: sets up to the last checkpoint");
            if (summaries.Any(s => s.SourceProblem is not null)) output.WriteLine("! the source ended early or had damaged frames: 'sessions show <id>' says what");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static readonly Argument<long> SessionId = new("id") { Description = "Session id (see 'sessions list')", CustomParser = ParseSessionId };

    /// <summary>A session id is a positive whole number; anything else gets one line saying where ids are.</summary>
    private static long ParseSessionId(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0) return id;
        result.AddError($"'{text}' is not a session id: give the number 'liveworkout sessions list' shows, e.g. 'sessions {(result.Parent as System.CommandLine.Parsing.CommandResult)?.Command.Name ?? "show"} 3'.");
        return 0;
    }

    private static Command Show()
    {
        var command = new Command("show", "Show one session: its sets and rests with reps, durations and confidences");
        command.Arguments.Add(SessionId);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            SessionPrinter.Print(Required(store).LoadSession(parse.GetValue(SessionId)), output, settings.WeightUnit);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static readonly Option<string?> From = new("--from") { Description = "First day, yyyy-MM-dd (local)" };
    private static readonly Option<string?> To = new("--to") { Description = "Last day, yyyy-MM-dd (local, inclusive)" };

    private static Command Stats()
    {
        var by = new Option<string?>("--by") { Description = "Group by day or week (default: all time)" };
        by.AcceptOnlyFromAmong("day", "week");
        var command = new Command("stats", "Totals per exercise: sets, reps, time (optionally per day or week)");
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(by);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            var (from, to) = Range(parse);
            var period = parse.GetValue(by) switch { "day" => StatsPeriod.Day, "week" => StatsPeriod.Week, _ => StatsPeriod.All };
            var sessions = store?.LoadSessions(from, to) ?? [];
            var totals = ExerciseStatistics.Totals(sessions, period, TimeZoneInfo.Local);
            if (totals.Count == 0)
            {
                output.WriteLine("No sets in that range.");
                return ExitCodes.Ok;
            }
            var columns = new List<string> { "exercise", ">sets", ">reps", ">time" };
            if (period != StatsPeriod.All) columns.Insert(0, period == StatsPeriod.Week ? "week of" : "day");
            var table = new TextTable(columns.ToArray());
            foreach (var t in totals)
            {
                var cells = new List<string> { DisplayFormat.Exercise(t.Exercise), N(t.Sets), ExerciseMeasure.IsTimed(t.Exercise) ? "-" : N(t.Reps), DisplayFormat.Duration(t.Time) };
                if (period != StatsPeriod.All) cells.Insert(0, t.PeriodStart!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                table.Add(cells.ToArray());
            }
            table.Write(output);
            output.WriteLine($"{DisplayFormat.Count(sessions.Count, "session")}, {DisplayFormat.Count(totals.Sum(t => t.Sets), "set")}, {DisplayFormat.Count(totals.Sum(t => t.Reps), "rep")}, {DisplayFormat.Duration(TimeSpan.FromTicks(totals.Sum(t => t.Time.Ticks)))} active");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static readonly Option<string?> Out = new("--out", "-o") { Description = "Output file (default: standard output)" };

    private static Command Export()
    {
        var format = new Option<string>("--format") { Description = "csv (Strong-app layout) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var session = new Option<long?>("--session") { Description = "Only this session id" };
        var command = new Command("export", "Export sessions as CSV (Strong-app columns, one row per set) or JSON");
        command.Options.Add(format);
        command.Options.Add(session);
        command.Options.Add(Out);
        command.Options.Add(From);
        command.Options.Add(To);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            var (from, to) = Range(parse);
            IReadOnlyList<SessionLog> logs = parse.GetValue(session) is { } id
                ? [Required(store).LoadSession(id)]
                : store?.LoadSessions(from, to, includeTimeline: true) ?? [];
            string? outPath = parse.GetValue(Out);
            using var writer = outPath is null ? null : OpenOutput(outPath);
            var target = writer ?? output;
            if (parse.GetValue(format) == "json")
            {
                target.Write(JsonExporter.Write(logs));
                target.WriteLine();
            }
            else StrongCsvExporter.Write(logs, target, TimeZoneInfo.Local, settings.WeightUnit);
            if (outPath is not null) output.WriteLine($"wrote {logs.Count} sessions, {logs.Sum(l => l.Sets.Count)} sets to {outPath}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Report()
    {
        var id = new Argument<long?>("id")
        {
            Description = "Session id (see 'sessions list'); leave it out with --history",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => result.Tokens.Count == 0 ? null : ParseSessionId(result),
        };
        var history = new Option<bool>("--history") { Description = "A progress page over every session instead: weekly history, personal records, calendar, streaks, recent sessions" };
        var diagnostics = new Option<bool>("--diagnostics") { Description = "Also show the source file, model, device and the recogniser's confidence" };
        var outFile = new Option<string?>("--out", "-o") { Description = "HTML file, or a folder for session-<id>.html or progress.html (default: a reports folder beside the session log)" };
        var command = new Command("report", "Write a self-contained HTML page about a session, or with --history about your progress over every session (opens offline)");
        command.Arguments.Add(id);
        command.Options.Add(history);
        command.Options.Add(diagnostics);
        command.Options.Add(outFile);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            long? sessionId = parse.GetValue(id);
            bool progress = parse.GetValue(history);
            if (sessionId is null && !progress)
                throw new InvalidInputException("say what to report: a session id (see 'sessions list'), or --history for the progress page.");
            if (sessionId is not null && progress)
                throw new InvalidInputException("give a session id or --history, not both.");
            if (progress && parse.GetValue(diagnostics))
                throw new InvalidInputException("--diagnostics belongs to a session's report: leave it out with --history.");
            var log = Required(store);
            string path, html;
            if (progress)
            {
                path = ReportPath(parse.GetValue(outFile), log.Path, "progress.html");
                html = ProgressReport.Render(log.LoadSessions(), TimeZoneInfo.Local, DateOnly.FromDateTime(DateTime.Now), settings.WeightUnit);
            }
            else
            {
                path = ReportPath(parse.GetValue(outFile), log.Path, string.Create(CultureInfo.InvariantCulture, $"session-{sessionId}.html"));
                html = SessionReport.Render(log.LoadSession(sessionId!.Value), TimeZoneInfo.Local, settings.WeightUnit, parse.GetValue(diagnostics));
            }
            using (var writer = OpenOutput(path)) writer.Write(html);
            output.WriteLine($"wrote {Path.GetFullPath(path)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Where a report goes: the --out file, <paramref name="name"/> inside an --out folder, or by
    /// default a reports folder beside the session log (never wherever the shell happens to be).
    /// </summary>
    public static string ReportPath(string? requested, string databasePath, string name)
    {
        if (requested is null) return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "reports", name);
        bool folder = Directory.Exists(requested) || requested.EndsWith(Path.DirectorySeparatorChar) || requested.EndsWith(Path.AltDirectorySeparatorChar);
        return folder ? Path.Combine(requested, name) : requested;
    }

    private static Command Edit()
    {
        var set = new Argument<int>("set") { Description = "Set number within the session (see 'sessions show')" };
        var exercise = new Option<string?>("--exercise") { Description = "The right exercise, spelled any way (push_up, \"Push-up\", pushup)" };
        var reps = new Option<int?>("--reps") { Description = "The right number of reps" };
        var weight = new Option<string?>("--weight") { Description = "The weight lifted, in Sessions:WeightUnit (kg by default) or with a unit: 60, 60kg, 135lb" };
        var rpe = new Option<double?>("--rpe") { Description = "How hard it was: RPE 1 to 10 in half steps" };
        var notes = new Option<string?>("--notes") { Description = "A note on the set (one line)" };
        var command = new Command("edit", "Correct a set's exercise or reps (the recognised values are kept as well), or enter its weight, RPE and notes");
        command.Arguments.Add(SessionId);
        command.Arguments.Add(set);
        foreach (var option in new Option[] { exercise, reps, weight, rpe, notes }) command.Options.Add(option);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            long id = parse.GetValue(SessionId);
            int order = parse.GetValue(set);
            bool correction = parse.GetValue(exercise) is not null || parse.GetValue(reps) is not null;
            bool details = parse.GetValue(weight) is not null || parse.GetValue(rpe) is not null || parse.GetValue(notes) is not null;
            if (!correction && !details)
                throw new InvalidInputException("nothing to change: give --exercise, --reps, --weight, --rpe and/or --notes.");
            double? kilograms = parse.GetValue(weight) is { } text ? WeightUnit.ParseToKilograms(text, settings.WeightUnit) : null;
            var log = Required(store);
            if (correction) log.CorrectSet(id, order, parse.GetValue(exercise), parse.GetValue(reps));
            if (details) log.SetDetails(id, order, kilograms, parse.GetValue(rpe), parse.GetValue(notes));
            var edited = log.LoadSession(id).Sets.Single(s => s.Order == order);
            var parts = new List<string> { $"{DisplayFormat.Exercise(edited.Exercise)} {(ExerciseMeasure.IsTimed(edited.Exercise) ? ExerciseMeasure.Amount(edited) : "x" + N(edited.Reps))}" };
            if (edited.WeightKg is { } kg) parts.Add(WeightUnit.Format(kg, settings.WeightUnit));
            if (edited.Rpe is { } effort) parts.Add("RPE " + effort.ToString("0.#", CultureInfo.InvariantCulture));
            if (edited.Notes.Length > 0) parts.Add($"\"{edited.Notes}\"");
            output.WriteLine($"session {id} set {order}: {string.Join(", ", parts)} (recognised as {SessionPrinter.Was(edited)})");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Delete()
    {
        var ids = new Argument<long[]>("ids")
        {
            Description = "Session ids (see 'sessions list')",
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result => result.Tokens.Select(t =>
            {
                if (long.TryParse(t.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0) return id;
                result.AddError($"'{t.Value}' is not a session id: give the numbers 'liveworkout sessions list' shows, e.g. 'sessions delete 3 4'.");
                return 0L;
            }).ToArray(),
        };
        var empty = new Option<bool>("--empty") { Description = "Also delete every session without a set (failed or aborted runs)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Delete without asking" };
        var command = new Command("delete", "Delete sessions (by id, or every empty one with --empty) with their sets, timeline and corrections; asks first unless --yes");
        command.Arguments.Add(ids);
        command.Options.Add(empty);
        command.Options.Add(yes);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: false, (store, output, settings) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            bool emptyOnes = parse.GetValue(empty);
            if (chosen.Length == 0 && !emptyOnes)
                throw new InvalidInputException("say which sessions to delete: give their ids (see 'sessions list'), or --empty for every session without a set.");
            var log = Required(store);
            var targets = chosen.Distinct().Select(log.LoadSession).ToList();
            foreach (var target in targets) log.RefuseWhileRecording(target.Session.Id, "deleted");
            if (emptyOnes)
                targets.AddRange(log.LoadSessions().Where(l => l.Sets.Count == 0 && targets.All(t => t.Session.Id != l.Session.Id) && !log.IsRecording(l.Session.Id)));
            if (targets.Count == 0)
            {
                output.WriteLine("No empty sessions: nothing to delete.");
                return ExitCodes.Ok;
            }
            foreach (var target in targets.OrderBy(t => t.Session.Id))
            {
                var summary = SessionSummary.Of(target);
                output.WriteLine($"session {N(summary.Id)}  {DisplayFormat.DateTime(summary.StartedAt, TimeZoneInfo.Local)}  {DisplayFormat.Duration(summary.Duration)}  {DisplayFormat.Count(summary.Sets, "set")}");
            }
            if (!parse.GetValue(yes))
            {
                output.Write($"Delete {(targets.Count == 1 ? "this session" : $"these {targets.Count} sessions")}? [y/N] ");
                output.Flush();
                string? answer = Console.In.ReadLine();
                if (answer is null || !(answer.Trim().Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase)))
                {
                    output.WriteLine();
                    throw new OperationFailedException("nothing deleted: answer y to delete, or pass --yes.");
                }
            }
            foreach (var target in targets) log.DeleteSession(target.Session.Id);
            output.WriteLine(targets.Count == 1 ? $"deleted session {targets[0].Session.Id}" : $"deleted {targets.Count} sessions: {string.Join(", ", targets.Select(t => t.Session.Id).Order())}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Hidden: records the demo workout (for the README screenshot and trying the commands).</summary>
    private static Command SeedDemo()
    {
        var start = new Option<string?>("--start") { Description = "Wall-clock start, ISO 8601 (default: now)" };
        var command = new Command("seed-demo", "Record a demo workout into the log") { Hidden = true };
        command.Options.Add(start);
        command.SetHandler((parse, ct) => Run(parse, ct, createIfMissing: true, (store, output, settings) =>
        {
            string? text = parse.GetValue(start);
            DateTimeOffset at = DateTimeOffset.Now;
            if (text is not null && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out at))
                throw new InvalidInputException($"--start '{text}' is not a date-time: use e.g. 2025-03-01T08:00:00");
            long id = DemoWorkout.Seed(store!, at);
            output.WriteLine($"recorded demo session {id} in {store!.Path}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Resolves the log path (--db, configuration, default) and runs a handler on it inside the host.</summary>
    private static Task<int> Run(ParseResult parse, CancellationToken ct, bool createIfMissing, Func<SessionStore?, TextWriter, SessionLogOptions, int> handler)
    {
        var context = LiveWorkoutCli.Context(parse, ct, (SessionLogOptions.Section + ":DatabasePath", parse.GetValue(Db)));
        return CommandRunner.RunAsync(context, (services, _) =>
        {
            var settings = services.GetRequiredService<IOptions<SessionLogOptions>>().Value;
            string path = settings.ResolveDatabasePath();
            // Reading commands never create a log file where there was none (a folder is refused with one line).
            var store = createIfMissing || File.Exists(path) || Directory.Exists(path) ? SessionStore.Open(path) : null;
            return Task.FromResult(handler(store, context.Output, settings));
        });
    }

    private static SessionStore Required(SessionStore? store) =>
        store ?? throw new StorageException("there is no session log yet: record a session first, or pass --db <file>.");

    private static (DateTimeOffset? From, DateTimeOffset? To) Range(ParseResult parse)
    {
        var from = Day(parse.GetValue(From), "--from");
        var to = Day(parse.GetValue(To), "--to")?.AddDays(1);
        if (from is not null && to is not null && to <= from)
            throw new InvalidInputException("--to is before --from: give the first day with --from and the last with --to.");
        return (from, to);
    }

    private static DateTimeOffset? Day(string? text, string option)
    {
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new InvalidInputException($"{option} '{text}' is not a date: use yyyy-MM-dd, e.g. 2025-03-01.");
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }

    private static StreamWriter OpenOutput(string path)
    {
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            return new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"cannot write {path}: {e.Message} Choose another --out file.");
        }
    }

    private static string Id(long id, bool complete, bool flagged) => N(id) + (complete ? "" : "*") + (flagged ? "!" : "");

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
