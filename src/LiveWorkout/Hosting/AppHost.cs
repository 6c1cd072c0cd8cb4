using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Hosting;

/// <summary>
/// Builds the generic host each command runs in. Configuration, later sources winning:
/// appsettings.json beside the binary, appsettings.json in the working directory,
/// LIVEWORKOUT__Section__Key environment variables, then the command line (its own options
/// and --set Section:Key=value). Every options section is validated before the command runs.
/// </summary>
public static class AppHost
{
    public const string EnvironmentPrefix = "LIVEWORKOUT__";

    public static IHost Build(IReadOnlyDictionary<string, string?> commandLineOverrides, bool verbose, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(commandLineOverrides);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (verbose) builder.Logging.SetMinimumLevel(LogLevel.Debug);

        builder.Services.AddLiveWorkoutOptions(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Refuses configuration keys nothing reads, then runs every ValidateOnStart check, so bad
    /// configuration stops a command before it does anything.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        SettingKeys.Check(services.GetRequiredService<IConfiguration>(), OptionsServiceCollectionExtensions.Sections);
        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
