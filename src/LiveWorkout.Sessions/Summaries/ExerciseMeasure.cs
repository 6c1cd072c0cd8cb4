using LiveWorkout.Core;

namespace LiveWorkout.Sessions;

/// <summary>How a set is measured when shown or exported: by reps, or by seconds (holds and running).</summary>
public static class ExerciseMeasure
{
    public static bool IsTimed(string exercise) => ExerciseCatalog.IsStaticHold(exercise) || exercise == "running";
}
