using System.Diagnostics;

namespace LiveWorkout.Tests;

/// <summary>Runs the real `liveworkout` program (built beside the tests) as a child process.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <param name="input">Typed on standard input (then closed); null leaves the test host's input.</param>
    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 120, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "liveworkout.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"liveworkout {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
