using System.Globalization;
using LiveWorkout.Core;

namespace LiveWorkout.Sessions;

/// <summary>How a set is measured when shown, totalled or exported: by reps, or by time (holds and running), the same in every view.</summary>
public static class ExerciseMeasure
{
    public static bool IsTimed(string exercise) => ExerciseCatalog.IsTimed(exercise);

    /// <summary>The set's length as its measure: the hold for a static hold, otherwise the set's duration.</summary>
    public static TimeSpan TimedLength(StoredSet set) => set.HoldDuration ?? set.Duration;

    /// <summary>The reps that count towards totals: none for a timed set.</summary>
    public static int CountedReps(StoredSet set) => IsTimed(set.Exercise) ? 0 : set.Reps;

    /// <summary>Reps times the weight entered, in kilograms: zero for a timed set or one without a weight (bodyweight).</summary>
    public static double VolumeKg(StoredSet set) => IsTimed(set.Exercise) || set.WeightKg is not { } kg ? 0 : set.Reps * kg;

    /// <summary>What a table shows in its reps column: "12", or "0:45 hold" / "1:05 run" for a timed set.</summary>
    public static string Amount(StoredSet set) =>
        !IsTimed(set.Exercise) ? set.Reps.ToString(CultureInfo.InvariantCulture)
        : $"{DisplayFormat.Duration(TimedLength(set))} {(ExerciseCatalog.IsStaticHold(set.Exercise) ? "hold" : "run")}";
}
