using System.ComponentModel.DataAnnotations;
using LiveWorkout.Cli;
using LiveWorkout.Hosting;

namespace LiveWorkout.Tests.Cli;

/// <summary>
/// Every options class refuses, at start and with one line naming the key (exit 2), values out of
/// range (decimal ranges compared as decimals), numbers that are not finite, and keys it does not
/// have (with the closest one it has), wherever they come from.
/// </summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lw-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs a command that does nothing through the real runner (host, key check, validation) with --set pairs.</summary>
    private static async Task<(int Code, string Error)> Start(params string[] settings)
    {
        var overrides = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1], StringComparer.OrdinalIgnoreCase);
        var error = new StringWriter();
        int code = await CommandRunner.RunAsync(new CommandContext(overrides, false, new StringWriter(), error, CancellationToken.None),
            (_, _) => Task.FromResult(ExitCodes.Ok));
        return (code, error.ToString().Trim());
    }

    private static async Task AssertRefused(string setting, string expectedLine)
    {
        var (code, error) = await Start(setting);
        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Equal(expectedLine, error);
    }

    [Theory]
    [InlineData("Model:Device=gpu0", "config error: Model:Device: must be auto, cpu, cuda or cuda:N")]
    [InlineData("Model:Path=", "config error: Model:Path: The Path field is required")]
    [InlineData("Model:TemporalHead=maybe", "config error: Model:TemporalHead: 'maybe' is not a valid true/false value")]
    [InlineData("Model:Pth=models/x", "config error: unknown setting Model:Pth: did you mean Model:Path? (from --set)")]
    public Task ModelOptions_are_validated(string setting, string line) => AssertRefused(setting, line);

    [Theory]
    [InlineData("Capture:Fps=0", "config error: Capture:Fps: The field Fps must be between 1 and 240")]
    [InlineData("Capture:Fps=NaN", "config error: Capture:Fps: The field Fps must be between 1 and 240")]
    [InlineData("Capture:ReconnectMaxSeconds=Infinity", "config error: Capture:ReconnectMaxSeconds: The field ReconnectMaxSeconds must be between 0.1 and 600")]
    [InlineData("Capture:Width=wide", "config error: Capture:Width: 'wide' is not a valid whole number")]
    [InlineData("Capture:Widht=320", "config error: unknown setting Capture:Widht: did you mean Capture:Width? (from --set)")]
    public Task CaptureOptions_are_validated(string setting, string line) => AssertRefused(setting, line);

    [Theory]
    [InlineData("Sessions:DatabasePth=x.db", "config error: unknown setting Sessions:DatabasePth: did you mean Sessions:DatabasePath? (from --set)")]
    [InlineData("Sessions:DatabasePath:x=1", "config error: unknown setting Sessions:DatabasePath:x: Sessions:DatabasePath is a single value and has no 'x' (from --set)")]
    public Task SessionLogOptions_are_validated(string setting, string line) => AssertRefused(setting, line);

    [Theory]
    [InlineData("Recordings:Folder=", "config error: Recordings:Folder: The Folder field is required")]
    [InlineData("Recordings:Foldr=clips", "config error: unknown setting Recordings:Foldr: did you mean Recordings:Folder? (from --set)")]
    public Task RecordingOptions_are_validated(string setting, string line) => AssertRefused(setting, line);

    [Theory]
    [InlineData("Runtime:TorchThreads=-1", "config error: Runtime:TorchThreads: The field TorchThreads must be between 0 and 1024")]
    [InlineData("Runtime:TorchThreads=NaN", "config error: Runtime:TorchThreads: 'NaN' is not a valid whole number")]
    [InlineData("Runtime:TorchThread=2", "config error: unknown setting Runtime:TorchThread: did you mean Runtime:TorchThreads? (from --set)")]
    public Task RuntimeOptions_are_validated(string setting, string line) => AssertRefused(setting, line);

    [Theory]
    [InlineData("Temporal:ConfidenceThreshold=-0.5", "config error: Temporal:ConfidenceThreshold: The field ConfidenceThreshold must be between 0 and 1")]
    [InlineData("Temporal:ConfidenceThreshold=1.4", "config error: Temporal:ConfidenceThreshold: The field ConfidenceThreshold must be between 0 and 1")]
    [InlineData("Temporal:ConfidenceThreshold=NaN", "config error: Temporal:ConfidenceThreshold: The field ConfidenceThreshold must be between 0 and 1")]
    [InlineData("Temporal:SmoothingSeconds=10.4", "config error: Temporal:SmoothingSeconds: The field SmoothingSeconds must be between 0 and 10")]
    [InlineData("Temporal:SetEndSeconds=Infinity", "config error: Temporal:SetEndSeconds: The field SetEndSeconds must be between 0.1 and 60")]
    [InlineData("Temporal:MinRepsPerSet=1.5", "config error: Temporal:MinRepsPerSet: '1.5' is not a valid whole number")]
    [InlineData("Temporal:RepPeriods:squat:MinSeconds=NaN", "config error: Temporal:RepPeriods:squat:MinSeconds: must be a finite number, not NaN")]
    [InlineData("Temporal:ConfidenceThreshhold=0.4", "config error: unknown setting Temporal:ConfidenceThreshhold: did you mean Temporal:ConfidenceThreshold? (from --set)")]
    [InlineData("Temporl:SetEndSeconds=2", "config error: unknown setting section 'Temporl' in Temporl:SetEndSeconds: did you mean Temporal? (from --set)")]
    public Task TemporalOptions_are_validated(string setting, string line) => AssertRefused(setting, line);

    [Theory]
    [InlineData("Temporal:ConfidenceThreshold=0.95")]
    [InlineData("Temporal:RepPeriods:squat:MinSeconds=1")]
    [InlineData("Logging:LogLevel:Default=Debug")]
    [InlineData("model:device=cpu")]
    public async Task Known_keys_and_in_range_values_are_accepted(string setting)
    {
        var (code, error) = await Start(setting);
        Assert.True(code == ExitCodes.Ok, error);
    }

    [Fact]
    public void Every_range_on_a_decimal_setting_compares_decimals()
    {
        foreach (var (section, type) in OptionsServiceCollectionExtensions.Sections)
            foreach (var property in type.GetProperties().Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(float)))
                foreach (var range in property.GetCustomAttributes(typeof(RangeAttribute), true).Cast<RangeAttribute>())
                    Assert.True(range.OperandType == typeof(double), $"{section}:{property.Name} has an integer range: it rounds the value before comparing");
    }

    [Fact]
    public void A_misspelled_key_in_the_environment_is_refused_by_the_program()
    {
        var r = AppProcess.Run(["sessions", "list", "--db", Path.Combine(_dir, "s.db")], _dir,
            new Dictionary<string, string> { ["LIVEWORKOUT__Temporal__ConfidenceThreshhold"] = "0.4" });
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("config error: unknown setting Temporal:ConfidenceThreshhold: did you mean Temporal:ConfidenceThreshold? (from the environment variable LIVEWORKOUT__Temporal__ConfidenceThreshhold)", r.Error.Trim());
    }

    [Fact]
    public void A_misspelled_key_in_appsettings_json_is_refused_by_the_program()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """{ "Temporal": { "SetEndSecond": 3 } }""");
        var r = AppProcess.Run(["sessions", "list", "--db", Path.Combine(_dir, "s.db")], _dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"config error: unknown setting Temporal:SetEndSecond: did you mean Temporal:SetEndSeconds? (in {Path.Combine(_dir, "appsettings.json")})", r.Error.Trim());
    }

    [Fact]
    public void A_decimal_out_of_range_from_the_command_line_stops_the_program_with_2()
    {
        var r = AppProcess.Run(["sessions", "list", "--db", Path.Combine(_dir, "s.db"), "--set", "Temporal:ConfidenceThreshold=1.4"], _dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("config error: Temporal:ConfidenceThreshold: The field ConfidenceThreshold must be between 0 and 1", r.Error.Trim());
    }
}
