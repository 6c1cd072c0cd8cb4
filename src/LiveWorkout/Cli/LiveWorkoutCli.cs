using System.CommandLine;
using LiveWorkout.Commands;

namespace LiveWorkout.Cli;

/// <summary>The command line: the root command, its shared options and the way commands are invoked.</summary>
public static class LiveWorkoutCli
{
    /// <summary>--set Section:Key=value, repeatable: overrides any configuration key for this run.</summary>
    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override a configuration key for this run, as Section:Key=value (repeatable)",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log details, and print stack traces of errors",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("LiveWorkout: recognises exercises from a camera, counts sets and reps, and logs sessions.");
        root.Options.Add(Set);
        root.Options.Add(Verbose);
        foreach (Command command in new[]
                 {
                     RecognitionCommands.Live(), RecognitionCommands.Replay(), RecordCommand.Create(),
                     TrainCommand.Create(), TrainHeadCommand.Create(), TrainLandmarksCommand.Create(), LandmarksCommand.Create(), EvaluateCommand.Create(), SessionsCommand.Create(), SynthCommand.Create(),
                     DoctorCommand.Create(), BenchCommand.Create(),
                 })
            root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellation = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        ParseResult parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"usage error: {UsageMessage(e.Message)}");
            error.WriteLine("Run 'liveworkout --help' (or '<command> --help') for usage.");
            return ExitCodes.BadConfiguration;
        }
        // Ctrl+C (SIGINT) and SIGTERM cancel the command's token; a run then closes its open set,
        // flushes its log, prints its summary and exits 0. The default grace of 2 s before
        // System.CommandLine gives up with 130 is too short for that on a busy machine.
        var config = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
        return await parse.InvokeAsync(config, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// System.CommandLine's parse failures name .NET types ("as expected type
    /// 'System.Nullable`1[System.Int32]'"); this says what kind of value was wanted instead.
    /// </summary>
    public static string UsageMessage(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message,
            @"^Cannot parse argument '(?<value>.*)' for (?<kind>command|option) '(?<name>[^']*)' as expected type '(?:System\.Nullable`1\[)?System\.(?<type>\w+)\]?'\.?$");
        if (!m.Success) return message;
        string wanted = m.Groups["type"].Value switch
        {
            "Int32" or "Int64" => "a whole number",
            "Double" or "Single" or "Decimal" => "a number",
            "Boolean" => "true or false",
            _ => "a value of the right kind",
        };
        string where = m.Groups["kind"].Value == "option" ? m.Groups["name"].Value : $"'{m.Groups["name"].Value}'";
        return $"'{m.Groups["value"].Value}' is not {wanted}, which {where} wants here";
    }

    /// <summary>
    /// The context a handler runs with: --set pairs, the <see cref="SharedOptions"/> the command
    /// has, and the command's own options that map onto configuration keys (given as key/value;
    /// null values are left out).
    /// </summary>
    public static CommandContext Context(ParseResult parse, CancellationToken cancellation, params (string Key, string? Value)[] optionOverrides)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in parse.GetValue(Set) ?? [])
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new Core.InvalidInputException($"--set '{pair}' is not Section:Key=value (example: --set Model:Device=cpu)");
            overrides[pair[..eq].Trim().Replace("__", ":", StringComparison.Ordinal)] = pair[(eq + 1)..];
        }
        foreach (var (option, key) in SharedOptions.Keys)
            if (parse.GetResult(option) is not null && parse.GetValue(option) is { } value) overrides[key] = value;
        foreach (var (key, value) in optionOverrides)
            if (value is not null) overrides[key] = value;
        var config = parse.InvocationConfiguration;
        return new CommandContext(overrides, parse.GetValue(Verbose), config.Output, config.Error, cancellation);
    }

    /// <summary>Wires a command's action to <see cref="CommandRunner"/>, so --set errors get the same one-line treatment.</summary>
    public static void SetHandler(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            try { return await action(parse, ct).ConfigureAwait(false); }
            catch (Exception e)
            {
                var (message, code) = CommandRunner.Describe(e);
                parse.InvocationConfiguration.Error.WriteLine(message);
                return code;
            }
        });
}
