using System.ComponentModel.DataAnnotations;
using LiveWorkout.Core.Temporal;

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
}
