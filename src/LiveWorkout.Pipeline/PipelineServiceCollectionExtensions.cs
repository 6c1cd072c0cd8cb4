using LiveWorkout.Core.Temporal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Pipeline;

/// <summary>Registers the recognition pipeline in a host: its options, bound and validated, and <see cref="RecognitionPipeline"/>.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Every configuration section the pipeline reads, with the options class it binds to.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [ModelOptions.Section] = typeof(ModelOptions),
        [CaptureOptions.Section] = typeof(CaptureOptions),
        [SessionLogOptions.Section] = typeof(SessionLogOptions),
        [RecordingOptions.Section] = typeof(RecordingOptions),
        [TemporalOptions.Section] = typeof(TemporalOptions),
    };

    /// <summary>
    /// Binds the sections of <see cref="Sections"/> from <paramref name="configuration"/>, each
    /// validated when the host starts (data annotations, finite numbers), and registers
    /// <see cref="RecognitionPipeline"/>, which makes runs from them.
    /// </summary>
    public static IServiceCollection AddRecognitionPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<ModelOptions>(configuration, ModelOptions.Section);
        services.AddSection<CaptureOptions>(configuration, CaptureOptions.Section);
        services.AddSection<SessionLogOptions>(configuration, SessionLogOptions.Section);
        services.AddSection<RecordingOptions>(configuration, RecordingOptions.Section);
        services.AddSection<TemporalOptions>(configuration, TemporalOptions.Section);
        services.AddSingleton<RecognitionPipeline>();
        return services;
    }

    /// <summary>Binds one section, validated at start by its data annotations and for finite numbers.</summary>
    public static IServiceCollection AddSection<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new FiniteNumbersValidator<T>(section));
        return services;
    }
}
