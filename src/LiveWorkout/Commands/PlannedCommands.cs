using System.CommandLine;
using LiveWorkout.Cli;

namespace LiveWorkout.Commands;

/// <summary>
/// Commands of the design that later issues fill in. Each is declared so the command line is
/// complete and discoverable; running one says plainly that it is not available yet.
/// </summary>
public static class PlannedCommands
{
    public static Command Live() => Planned("live", "Recognise exercises from a camera or stream in real time", 5);
    public static Command Replay() => Planned("replay", "Run a recorded clip or image folder through the pipeline", 5);
    public static Command Record() => Planned("record", "Record raw frames from a camera or stream to a clip", 5);
    public static Command Synth() => Planned("synth", "Render the synthetic exercise world: images, clips, contact sheet", 3);

    public static Command Sessions()
    {
        var sessions = new Command("sessions", "Review the session log: list, show, stats, export, report, edit, delete");
        foreach (var (name, description) in new[]
                 {
                     ("list", "List sessions"), ("show", "Show one session's sets and rests"), ("stats", "Totals per exercise"),
                     ("export", "Export sessions as CSV or JSON"), ("report", "Write an HTML report of a session"),
                     ("edit", "Correct a set's exercise or reps"), ("delete", "Delete a session"),
                 })
            sessions.Subcommands.Add(Planned(name, description, 6));
        return sessions;
    }

    private static Command Planned(string name, string description, int issue)
    {
        var command = new Command(name, description + " (not available yet)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: '{name}' is not available in this build yet (tracked as issue {issue}).");
            return ExitCodes.Failed;
        });
        return command;
    }
}
