using System.CommandLine;
using LiveWorkout.Cli;

namespace LiveWorkout.Commands;

/// <summary>
/// Commands of the design that later issues fill in. Each is declared so the command line is
/// complete and discoverable; running one says plainly that it is not available yet.
/// </summary>
public static class PlannedCommands
{
    public static Command Record() => Planned("record", "Record raw frames from a camera or stream to a clip", 5);

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
