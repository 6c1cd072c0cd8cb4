using System.CommandLine;
using System.Globalization;
using LiveWorkout.Cli;
using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Commands;

/// <summary>`liveworkout live` and `liveworkout replay`: the recognition pipeline on a live source or a recorded clip.</summary>
public static class RecognitionCommands
{
    private static readonly Option<string?> Db = new("--db") { Description = "Session log file (default: Sessions:DatabasePath)" };
    private static readonly Option<bool> NoLog = new("--no-log") { Description = "Do not write the session log" };
    private static readonly Option<bool> Record = new("--record") { Description = "Save the raw input to recordings/<timestamp>.mp4 with the predicted sets as <clip>.labels.csv" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print only the final summary" };

    public static Command Live()
    {
        var source = new Option<string?>("--source", "-s") { Description = "Camera index (0), device (/dev/video0), camera name, or http(s)/rtsp URL (default: Capture:Source)" };
        var headless = new Option<bool>("--headless") { Description = "No window: events and status on the console only" };
        var duration = new Option<double?>("--duration-s") { Description = "Stop after this many seconds (default: until Ctrl+C, q or Esc)" };
        var command = new Command("live", "Recognise exercises from a camera or stream in real time, logging sets and reps");
        foreach (var o in new Option[] { source, SharedOptions.Model, SharedOptions.Device, headless, Record, Db, NoLog, duration, Quiet }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = Context(parse, ct, (CaptureOptions.Section + ":Source", parse.GetValue(source)));
            return CommandRunner.RunAsync(context, async (services, token) =>
            {
                var capture = services.GetRequiredService<IOptions<CaptureOptions>>().Value;
                using var timeout = parse.GetValue(duration) is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
                var settings = Settings(services, parse, capture.Source) with { ShowWindow = !parse.GetValue(headless) };
                if (settings.ShowWindow) RequireDisplay("the live window needs a display", "or pass --headless to run without the window");
                return await Run(services, settings, context, parse.GetValue(Quiet), linked.Token).ConfigureAwait(false);
            });
        });
        return command;
    }

    public static Command Replay()
    {
        var input = new Argument<string>("input") { Description = "Video file, image folder or pattern (e.g. recordings/demo.mp4)" };
        var realtime = new Option<bool>("--realtime") { Description = "Pace at the clip's frame rate (default: as fast as possible)" };
        var show = new Option<bool>("--show") { Description = "Show the overlay window while replaying" };
        var evaluate = new Option<bool>("--evaluate") { Description = "Score the recognition against the labels: a clip with <clip>.labels.csv, or every labelled video under a folder (no session log)" };
        var report = new Option<string?>("--report") { Description = "With --evaluate: write evaluation.html (self-contained) and evaluation.json to this folder" };
        var json = new Option<string?>("--json") { Description = "With --evaluate: write the scores as JSON to this file" };
        var trace = new Option<string?>("--trace") { Description = "With --evaluate: write <clip>.frames.csv per clip to this folder (each frame's labelled class, class probabilities and rep phase)" };
        var savePredictions = new Option<string?>("--save-predictions") { Description = "With --evaluate: save <clip>.predictions per clip to this folder (every frame's probabilities, embedding and rep phase), for --from-predictions; with --reclassify, the new model's" };
        var fromPredictions = new Option<string?>("--from-predictions") { Description = "With --evaluate: take each clip's frames from the <clip>.predictions saved in this folder instead of running the model, and run only the temporal logic (to try Temporal settings in seconds)" };
        var reclassify = new Option<bool>("--reclassify") { Description = "With --from-predictions: run the heads of the landmark model given by --model again on the saved landmark features (a new landmark model measured in seconds; the pose stage is not run again)" };
        var wholeClip = new Option<bool>("--whole-clip-labels") { Description = "With --evaluate: clips without a labels file are one set of their folder's class spanning the whole clip (reps unknown)" };
        var command = new Command("replay", "Run a recorded clip or image folder through the pipeline and log the session, or score it against its labels (--evaluate)");
        command.Arguments.Add(input);
        foreach (var o in new Option[] { SharedOptions.Model, SharedOptions.Device, realtime, show, Db, NoLog, Quiet, evaluate, report, json, trace, savePredictions, fromPredictions, reclassify, wholeClip }) command.Options.Add(o);
        command.SetHandler((parse, ct) =>
        {
            var context = Context(parse, ct);
            bool evaluating = parse.GetValue(evaluate);
            if (!evaluating && (parse.GetValue(report) is not null || parse.GetValue(json) is not null || parse.GetValue(trace) is not null || parse.GetValue(wholeClip)
                                || parse.GetValue(savePredictions) is not null || parse.GetValue(fromPredictions) is not null))
                throw new InvalidInputException("--report, --json, --trace, --save-predictions, --from-predictions and --whole-clip-labels go with --evaluate");
            if (parse.GetValue(savePredictions) is { } saveTo && parse.GetValue(fromPredictions) is { } readFrom)
            {
                if (!parse.GetValue(reclassify))
                    throw new InvalidInputException("--save-predictions with --from-predictions keeps a new model's predictions and goes with --reclassify: without it they are the saved ones again");
                if (string.Equals(FullFolder(saveTo), FullFolder(readFrom), StringComparison.Ordinal))
                    throw new InvalidInputException("--save-predictions needs another folder than --from-predictions: the saved predictions would be overwritten while they are read");
            }
            if (parse.GetValue(reclassify) && parse.GetValue(fromPredictions) is null)
                throw new InvalidInputException("--reclassify goes with --from-predictions: it classifies saved landmark features again");
            return CommandRunner.RunAsync(context, async (services, token) =>
            {
                var settings = Settings(services, parse, parse.GetValue(input)!) with
                {
                    Realtime = parse.GetValue(realtime),
                    ShowWindow = parse.GetValue(show),
                };
                if (settings.ShowWindow) RequireDisplay("--show needs a display", "or drop --show to replay without the window");
                if (evaluating)
                {
                    var request = new ReplayEvaluateRequest(parse.GetValue(input)!, parse.GetValue(wholeClip), parse.GetValue(report), parse.GetValue(json), parse.GetValue(trace),
                        parse.GetValue(savePredictions), parse.GetValue(fromPredictions), parse.GetValue(reclassify));
                    return await new ReplayEvaluate(request, context, services.GetRequiredService<RecognitionPipeline>()).RunAsync(settings with { DatabasePath = null, RecordPath = null }, token).ConfigureAwait(false);
                }
                return await Run(services, settings, context, parse.GetValue(Quiet), token).ConfigureAwait(false);
            });
        });
        return command;
    }

    private static CommandContext Context(ParseResult parse, CancellationToken ct, params (string, string?)[] more) =>
        LiveWorkoutCli.Context(parse, ct,
            [(SessionLogOptions.Section + ":DatabasePath", parse.GetValue(Db)), .. more]);

    /// <summary>The pipeline's settings from configuration, with this command's --no-log and --record.</summary>
    private static RecognitionSettings Settings(IServiceProvider services, ParseResult parse, string source) =>
        services.GetRequiredService<RecognitionPipeline>().SettingsFor(source, log: !parse.GetValue(NoLog), record: parse.GetValue(Record));

    private static async Task<int> Run(IServiceProvider services, RecognitionSettings settings, CommandContext context, bool quiet, CancellationToken token)
    {
        var run = services.GetRequiredService<RecognitionPipeline>().Run(settings);
        if (!quiet) run.EventRaised += e => PrintEvent(e, context.Output);
        var result = await run.RunAsync(token).ConfigureAwait(false);
        RunSummary.Print(result, settings, context.Output);
        if (result.SessionId is { } id && settings.DatabasePath is { } db)
        {
            context.Output.WriteLine();
            SessionPrinter.Print(Sessions.SessionStore.Open(db).LoadSession(id), context.Output, services.GetRequiredService<IOptions<SessionLogOptions>>().Value.WeightUnit);
        }
        if (result.SourceProblem is { } problem)
            context.Error.WriteLine(result.SessionId is { } flagged
                ? $"warning: {problem}; session {flagged} is logged and marked incomplete."
                : $"warning: {problem}.");
        // Ctrl+C or SIGTERM (not q/Esc, not --duration-s): the session is closed and saved, but the run was cut short.
        if (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine(result.SessionId is { } saved
                ? $"interrupted: session {saved} saved with {result.Sets.Count} {(result.Sets.Count == 1 ? "set" : "sets")}."
                : result.FramesClassified == 0 ? "interrupted before any frame was analysed: nothing was logged." : "interrupted: nothing was logged (--no-log).");
            return ExitCodes.Interrupted;
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// OpenCV's window (GTK on Linux) needs an X or Wayland display; without one it fails deep in
    /// the capture thread with "Can't initialize GTK backend", so say what to do before starting.
    /// </summary>
    private static void RequireDisplay(string what, string alternative)
    {
        if (!OperatingSystem.IsLinux()) return;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"))) return;
        throw new InvalidInputException($"{what}, and there is none (DISPLAY is not set): run it in a desktop session or set DISPLAY (e.g. DISPLAY=:99 under Xvfb), {alternative}.");
    }

    private static void PrintEvent(SessionEvent e, TextWriter output)
    {
        string line = e switch
        {
            SetStarted s => $"set started: {Pretty(s.Exercise)}",
            SetEnded s => ExerciseCatalog.IsTimed(s.Set.Exercise)
                ? $"set ended:   {Pretty(s.Set.Exercise)}, {(ExerciseCatalog.IsStaticHold(s.Set.Exercise) ? "held" : "ran")} {(s.Set.HoldDuration ?? s.Set.Duration).TotalSeconds:0.0} s"
                : $"set ended:   {Pretty(s.Set.Exercise)}, {Sessions.DisplayFormat.Count(s.Set.Reps, "rep")} in {s.Set.Duration.TotalSeconds:0.0} s (confidence {s.Set.MeanConfidence:0.00})",
            RestStarted => "rest",
            SourceLost l => $"source lost: {l.Reason}",
            SourceRecovered r => $"source back after {r.Gap.TotalSeconds:0.0} s",
            _ => "",
        };
        if (line.Length > 0) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(int)e.Time.TotalMinutes:00}:{e.Time.Seconds:00}.{e.Time.Milliseconds / 100}  {line}"));
    }

    private static string Pretty(string label) => ExerciseCatalog.DisplayName(label);

    /// <summary>A folder's full path without a trailing separator, so two spellings of one folder compare equal.</summary>
    private static string FullFolder(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
