using LiveWorkout.Core.Temporal;
using LiveWorkout.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveWorkout.Tests.Cli;

public sealed class TemporalConfigurationTests
{
    private static TemporalOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddRecognitionPipeline(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TemporalOptions>>().Value;
    }

    [Fact]
    public void Rep_period_bounds_from_configuration_add_to_the_built_in_ones()
    {
        var options = Bind(new()
        {
            ["Temporal:RepPeriods:squat:MinSeconds"] = "1",
            ["Temporal:RepPeriods:squat:MaxSeconds"] = "4",
            ["Temporal:RepPeriods:lunge:MaxSeconds"] = "4",
        });

        Assert.Equal((1.0, 4.0), options.PeriodBoundsFor("squat"));
        Assert.Equal((1.2, 4.0), options.PeriodBoundsFor("lunge"));   // only the key given changes
        Assert.Equal((0.45, 1.2), options.PeriodBoundsFor("running")); // built in, untouched
    }
}
