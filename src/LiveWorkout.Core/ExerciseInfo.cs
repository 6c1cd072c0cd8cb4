namespace LiveWorkout.Core;

/// <summary>
/// One exercise of the <see cref="ExerciseCatalog"/>: everything the product knows about it by name.
/// </summary>
/// <param name="Name">The class label models and files use (push_up).</param>
/// <param name="DisplayName">The one name people see: console, exports, reports, overlay (Push-up).</param>
/// <param name="Measure">Reps, or time for holds and for running (whose counted strides are the rhythm the counter follows, not a number anyone trains for).</param>
/// <param name="IsStaticHold">Held still (plank): a set gets a duration, not reps, and ends later (<c>Temporal:HoldSetEndSeconds</c>).</param>
/// <param name="StillCounterpart">
/// For a rep exercise whose pose, held still, is a static hold (a push-up's top is a plank): that
/// hold. The temporal logic tells them apart by motion (<see cref="Temporal.StillHoldRelabeler"/>).
/// </param>
/// <param name="RepPeriod">
/// The exercise's own rep period bounds in seconds, or null for the general
/// <c>Temporal:RepMinPeriodSeconds</c>..<c>RepMaxPeriodSeconds</c>; <c>Temporal:RepPeriods</c>
/// overrides them. Exercises that alternate sides need them, since their picture repeats at twice
/// or half the rep (see <see cref="ExerciseCatalog"/>).
/// </param>
/// <param name="RepSpansBothSides">
/// One rep is a left and then a right movement (a running stride, a mountain climber's two legs):
/// seen in a mirror, or with left and right taken for each other, the body is half a rep further
/// on, so a rep phase learnt from such views is turned by half a cycle there.
/// </param>
/// <param name="AlsoCalled">
/// Variants people name as exercises of their own that body landmarks cannot tell apart from this
/// one (a hammer curl is a bicep curl with the palms turned in): they parse to this exercise and
/// are logged as it.
/// </param>
/// <param name="ConfusableWith">
/// Exercises of the catalogue that body landmarks may hardly tell apart from this one (a flat and an
/// incline bench press): evaluation reports how often each is taken for the other
/// (<see cref="ExerciseCatalog.ConfusablePairs"/>).
/// </param>
public sealed record ExerciseInfo(
    string Name,
    string DisplayName,
    MeasuredIn Measure = MeasuredIn.Reps,
    bool IsStaticHold = false,
    string? StillCounterpart = null,
    (double MinSeconds, double MaxSeconds)? RepPeriod = null,
    string[]? AlsoCalled = null,
    bool RepSpansBothSides = false,
    string[]? ConfusableWith = null)
{
    /// <summary>True when sets are measured in time, not reps.</summary>
    public bool IsTimed => Measure == MeasuredIn.Time;
}
