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

    /// <summary>
    /// Exercises measured in time, not reps: the static holds, and running (whose counted strides
    /// are the rhythm the counter follows, not a number anyone trains for).
    /// </summary>
    public static IReadOnlySet<string> Timed { get; } = new HashSet<string>(StringComparer.Ordinal) { "plank", "running" };

    /// <summary>The one name people see for each exercise: console, exports, reports, overlay.</summary>
    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        ["squat"] = "Squat", ["push_up"] = "Push-up", ["pull_up"] = "Pull-up", ["running"] = "Running",
        ["jumping_jack"] = "Jumping jack", ["lunge"] = "Lunge", ["plank"] = "Plank", ["sit_up"] = "Sit-up",
        ["bicep_curl"] = "Bicep curl", ["shoulder_press"] = "Shoulder press", [Idle] = "Idle",
    };

    public static bool IsIdle(string label) => string.Equals(label, Idle, StringComparison.Ordinal);

    public static bool IsStaticHold(string label) => StaticHolds.Contains(label);

    /// <summary>True for exercises measured in time (see <see cref="Timed"/>).</summary>
    public static bool IsTimed(string label) => Timed.Contains(label);

    /// <summary>The exercise's display name ("Push-up"); a label this catalogue lacks (another model's class) reads "Front raise" for front_raise.</summary>
    public static string DisplayName(string label)
    {
        if (DisplayNames.TryGetValue(label, out var name)) return name;
        string words = label.Replace('_', ' ').Trim();
        return words.Length == 0 ? label : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// The label of an exercise however it is spelled (push_up, "Push Up", push-up, pushup,
    /// "push ups"); null when no exercise of the catalogue is meant.
    /// </summary>
    public static string? Parse(string spelling)
    {
        string key = Key(spelling);
        if (key.Length == 0) return null;
        foreach (string label in All)
        {
            string own = Key(label), shown = Key(DisplayName(label));
            if (key == own || key == shown || key == own + "s" || key == shown + "s") return label;
        }
        return null;
    }

    /// <summary>Letters and digits only, lower case: what is left of a spelling once case, spaces, dashes and underscores go.</summary>
    private static string Key(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
