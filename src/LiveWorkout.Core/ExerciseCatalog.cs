namespace LiveWorkout.Core;

/// <summary>
/// The exercises LiveWorkout knows by name. Models carry their own class list (a model
/// package may know fewer or other classes); this is the product's vocabulary and the
/// order the synthetic world and the default model use.
/// </summary>
public static class ExerciseCatalog
{
    /// <summary>The label for time outside every set.</summary>
    public const string Idle = "idle";

    /// <summary>Every exercise of the synthetic world, then idle.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "squat", "push_up", "pull_up", "running", "jumping_jack", "lunge",
        "plank", "sit_up", "bicep_curl", "shoulder_press", Idle,
    ];

    /// <summary>Exercises held still: they get a duration, not reps.</summary>
    public static IReadOnlySet<string> StaticHolds { get; } = new HashSet<string>(StringComparer.Ordinal) { "plank" };

    /// <summary>
    /// Rep exercises whose pose, held still, is a static hold: a push-up's top is a plank. The
    /// temporal logic tells them apart by motion (<see cref="Temporal.StillHoldRelabeler"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> StillCounterparts { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["push_up"] = "plank" };

    public static bool IsIdle(string label) => string.Equals(label, Idle, StringComparison.Ordinal);

    public static bool IsStaticHold(string label) => StaticHolds.Contains(label);
}
