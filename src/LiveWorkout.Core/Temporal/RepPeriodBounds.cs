using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Core.Temporal;

/// <summary>Period bounds of one exercise's repetitions, in seconds.</summary>
public sealed class RepPeriodBounds
{
    [Range(0.1, 60)] public double MinSeconds { get; set; } = 0.6;
    [Range(0.1, 60)] public double MaxSeconds { get; set; } = 6.0;
}
