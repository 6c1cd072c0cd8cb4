using System.ComponentModel.DataAnnotations;

namespace LiveWorkout.Core.Temporal;

/// <summary>
/// Period bounds of one exercise's repetitions, in seconds, as configured under
/// <c>Temporal:RepPeriods:&lt;exercise&gt;</c>. A bound left out (null) keeps the exercise's
/// catalogue value (<see cref="ExerciseInfo.RepPeriod"/>), else the general bound, so setting
/// only <c>MaxSeconds</c> changes only the maximum.
/// </summary>
public sealed class RepPeriodBounds
{
    [Range(0.1, 60)] public double? MinSeconds { get; set; }
    [Range(0.1, 60)] public double? MaxSeconds { get; set; }
}
