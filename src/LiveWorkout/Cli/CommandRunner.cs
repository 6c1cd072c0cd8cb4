using System.Text.RegularExpressions;
using LiveWorkout.Core;
using LiveWorkout.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Cli;

/// <summary>
/// Runs one command inside its own host: builds it, validates configuration, calls the
/// handler, and turns every failure a user can fix into one line on stderr and an exit code.
/// </summary>
public static partial class CommandRunner
{
    public static async Task<int> RunAsync(
        CommandContext context,
        Func<IServiceProvider, CancellationToken, Task<int>> handler,
        Action<IServiceCollection>? configureServices = null)
    {
        try
        {
            using IHost host = AppHost.Build(context.ConfigOverrides, context.Verbose, configureServices);
            AppHost.ValidateOptions(host.Services);
            ApplyRuntimeOptions(host.Services);
            return await handler(host.Services, context.Cancellation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var (message, code) = Describe(e);
            context.Error.WriteLine(message);
            if (context.Verbose) context.Error.WriteLine(e);
            return code;
        }
    }

    /// <summary>Process-wide native settings, applied once for every command (libtorch loads only when one is set).</summary>
    private static void ApplyRuntimeOptions(IServiceProvider services)
    {
        var runtime = services.GetRequiredService<IOptions<RuntimeOptions>>().Value;
        if (runtime.TorchThreads > 0) Learning.Native.TorchRuntime.SetThreads(runtime.TorchThreads);
    }

    /// <summary>The one line and exit code for an exception.</summary>
    public static (string Message, int ExitCode) Describe(Exception e)
    {
        switch (e)
        {
            case UnknownSettingException u:
                return ($"config error: {OneLine(u.Message)}", ExitCodes.BadConfiguration);
            case OptionsValidationException v:
                return ($"config error: {FirstValidationFailure(v)}", ExitCodes.BadConfiguration);
            case InvalidDataException d when d.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase):
                return ($"config error: {OneLine(d.Message)} {OneLine(d.InnerException?.Message ?? "")} Fix the JSON syntax.".TrimEnd(), ExitCodes.BadConfiguration);
            case InvalidOperationException b when ConversionFailure().Match(b.Message) is { Success: true } m:
                return ($"config error: {m.Groups["key"].Value}: '{m.Groups["value"].Value}' is not a valid {FriendlyType(m.Groups["type"].Value)}", ExitCodes.BadConfiguration);
            case LiveWorkoutException l:
                return ($"error: {OneLine(l.Message)}", ExitCodeFor(l));
            case OperationCanceledException:
                return ("interrupted", ExitCodes.Interrupted);
            default:
                return ($"error: {OneLine(e.Message)} (run with --verbose for details)", ExitCodes.Failed);
        }
    }

    /// <summary>
    /// The exit code of each kind of problem a user can fix, in one place for every command: 2
    /// when what the user gave is not valid, 1 when the work failed.
    /// </summary>
    public static int ExitCodeFor(LiveWorkoutException e) => e switch
    {
        InvalidInputException => ExitCodes.BadConfiguration,
        _ => ExitCodes.Failed,
    };

    private static string FirstValidationFailure(OptionsValidationException v)
    {
        // DataAnnotations failures read "DataAnnotation validation failed for 'X' members: 'Width' with the error: '...'."
        string failure = v.Failures.FirstOrDefault() ?? v.Message;
        string section = SectionOf(v.OptionsType);
        if (failure.StartsWith(section + ":", StringComparison.Ordinal)) return OneLine(failure);
        var m = Regex.Match(failure, "members: '(?<member>[^']+)' with the error: '(?<error>.+)'\\.?$");
        return m.Success ? $"{section}:{m.Groups["member"].Value}: {m.Groups["error"].Value.TrimEnd('.')}" : $"{section}: {OneLine(failure)}";
    }

    private static string SectionOf(Type optionsType) =>
        optionsType.GetField("Section")?.GetValue(null) as string ?? optionsType.Name.Replace("Options", "", StringComparison.Ordinal);

    private static string FriendlyType(string clrType) => clrType switch
    {
        "System.Int32" or "System.Int64" => "whole number",
        "System.Double" or "System.Single" => "number",
        "System.Boolean" => "true/false value",
        _ => clrType.Split('.').Last(),
    };

    private static string OneLine(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    [GeneratedRegex("Failed to convert configuration value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
