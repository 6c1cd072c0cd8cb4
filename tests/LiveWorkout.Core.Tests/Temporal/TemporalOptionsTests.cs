using System.ComponentModel.DataAnnotations;
using LiveWorkout.Core.Temporal;
using Microsoft.Extensions.Configuration;

namespace LiveWorkout.Core.Tests.Temporal;

public sealed class TemporalOptionsTests
{
    private static List<ValidationResult> Validate(TemporalOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(Validate(new TemporalOptions()));
    }

    [Fact]
    public void Out_of_range_values_are_reported()
    {
        var results = Validate(new TemporalOptions { ConfidenceThreshold = 1.5 });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(TemporalOptions.ConfidenceThreshold)));
    }

    [Fact]
    public void Inverted_period_bounds_are_reported_per_exercise()
    {
        var options = new TemporalOptions();
        options.RepPeriods["squat"] = new RepPeriodBounds { MinSeconds = 3, MaxSeconds = 2 };

        var results = Validate(options);

        Assert.Contains(results, r => r.ErrorMessage!.Contains("RepPeriods:squat", StringComparison.Ordinal));
        Assert.Equal((3.0, 2.0), options.PeriodBoundsFor("squat"));
        Assert.Equal((0.6, 6.0), options.PeriodBoundsFor("pull_up"));
    }

    /// <summary>Binds the Temporal section onto fresh options, as the app's options binding does.</summary>
    private static TemporalOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new TemporalOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(TemporalOptions.Section).Bind(options);
        return options;
    }

    [Fact]
    public void Without_overrides_lunge_and_running_get_their_catalogue_bounds()
    {
        var options = Bind([]);

        Assert.Empty(options.RepPeriods);
        Assert.Equal((1.2, 3.3), options.PeriodBoundsFor("lunge"));
        Assert.Equal((0.45, 1.2), options.PeriodBoundsFor("running"));
        Assert.Equal((0.6, 6.0), options.PeriodBoundsFor("squat"));
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void A_configured_bound_wins_over_the_catalogue_and_the_other_bound_stays()
    {
        var options = Bind(new()
        {
            ["Temporal:RepPeriods:lunge:MaxSeconds"] = "4",
            ["Temporal:RepPeriods:squat:MinSeconds"] = "1",
            ["Temporal:RepMaxPeriodSeconds"] = "5",
        });

        Assert.Equal((1.2, 4.0), options.PeriodBoundsFor("lunge"));
        Assert.Equal((0.45, 1.2), options.PeriodBoundsFor("running"));
        Assert.Equal((1.0, 5.0), options.PeriodBoundsFor("squat"));
        Assert.Equal((0.6, 5.0), options.PeriodBoundsFor("pull_up"));
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void A_configured_bound_that_crosses_the_catalogue_one_is_refused()
    {
        var options = Bind(new() { ["Temporal:RepPeriods:running:MinSeconds"] = "2" });

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("RepPeriods:running", StringComparison.Ordinal));
    }
}
