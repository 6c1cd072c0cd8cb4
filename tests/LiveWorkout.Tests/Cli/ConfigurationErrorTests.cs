namespace LiveWorkout.Tests.Cli;

/// <summary>Malformed configuration: one line naming the key and the problem, exit code 2, never a stack trace.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertOneLineConfigError(AppProcess.Result r, string key)
    {
        Assert.Equal(2, r.ExitCode);
        string[] lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("config error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(key, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_from_the_environment()
    {
        var r = AppProcess.Run(["doctor"], _dir, new Dictionary<string, string> { ["LIVEWORKOUT__Capture__Width"] = "wide" });
        AssertOneLineConfigError(r, "Capture:Width");
        Assert.Contains("'wide' is not a valid whole number", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_value_from_the_command_line()
    {
        var r = AppProcess.Run(["doctor", "--set", "Capture:Fps=0"], _dir);
        AssertOneLineConfigError(r, "Capture:Fps");
    }

    [Fact]
    public void An_invalid_device_name()
    {
        var r = AppProcess.Run(["doctor", "--device", "gpu0"], _dir);
        AssertOneLineConfigError(r, "Model:Device");
        Assert.Contains("auto, cpu, cuda", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_in_the_working_directory()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), "{ \"Model\": { \"Path\": \"x\", } ");
        var r = AppProcess.Run(["doctor"], _dir);
        AssertOneLineConfigError(r, "appsettings.json");
    }

    [Fact]
    public async Task A_set_option_without_a_value_is_a_usage_error_in_process()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await LiveWorkout.Cli.LiveWorkoutCli.InvokeAsync(["doctor", "--set", "Model:Path"], output, error);
        Assert.Equal(2, code);
        Assert.Contains("is not Section:Key=value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var error = new StringWriter();
        int code = await LiveWorkout.Cli.LiveWorkoutCli.InvokeAsync(["doctor", "--frobnicate"], new StringWriter(), error);
        Assert.Equal(2, code);
        Assert.StartsWith("usage error:", error.ToString(), StringComparison.Ordinal);
    }
}
