using LiveWorkout.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveWorkout.Hosting;

public static class OptionsServiceCollectionExtensions
{
    /// <summary>Every configuration section the app reads, with the options class it binds to: the pipeline's and Runtime.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } =
        new Dictionary<string, Type>(PipelineServiceCollectionExtensions.Sections, StringComparer.OrdinalIgnoreCase)
        {
            [RuntimeOptions.Section] = typeof(RuntimeOptions),
        };

    /// <summary>Binds and validates every configuration section the app reads, and registers the recognition pipeline.</summary>
    public static IServiceCollection AddLiveWorkoutOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRecognitionPipeline(configuration);
        services.AddSection<RuntimeOptions>(configuration, RuntimeOptions.Section);
        return services;
    }
}
