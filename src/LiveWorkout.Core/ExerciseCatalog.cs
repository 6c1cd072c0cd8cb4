namespace LiveWorkout.Core;

/// <summary>
/// The exercises LiveWorkout knows by name. Models carry their own class list (a model
/// package may know fewer or other classes); this is the product's vocabulary and the
/// order the synthetic world and the default model use. Every per-exercise fact lives in
/// <see cref="Exercises"/>, one row per exercise; the other members are views of that table.
/// </summary>
public static class ExerciseCatalog
{
    /// <summary>The label for time outside every set.</summary>
    public const string Idle = "idle";

    /// <summary>
    /// Every exercise of the synthetic world, then idle: the ten the product began with, then the
    /// rest of seed 1's 22 gym exercises and two done at home. Rep period bounds: a lunge changes legs
    /// every rep, so it looks the same only every two reps, and below 3.3 s the counter cannot
    /// take that for the period (and count half the reps); a running rep is a left and a right
    /// stride (0.55 to 1 s in the synthetic world, a cadence of 120 to 220 strides a minute),
    /// below the general 0.6 s at its fastest, while a lower bound of 0.45 s keeps out single
    /// strides of all but the slowest runners; mountain climbers alternate legs the same way. How these were found: docs/temporal-logic.md.
    /// </summary>
    public static IReadOnlyList<ExerciseInfo> Exercises { get; } =
    [
        new("squat", "Squat"),
        new("push_up", "Push-up", StillCounterpart: "plank", ConfusableWith: ["tricep_dip"]),
        new("pull_up", "Pull-up", ConfusableWith: ["lat_pulldown"]),
        new("running", "Running", MeasuredIn.Time, RepPeriod: (0.45, 1.2), RepSpansBothSides: true),
        new("jumping_jack", "Jumping jack"),
        new("lunge", "Lunge", RepPeriod: (1.2, 3.3)),
        new("plank", "Plank", MeasuredIn.Time, IsStaticHold: true),
        new("sit_up", "Sit-up"),
        new("bicep_curl", "Bicep curl", AlsoCalled: ["Hammer curl"]),
        new("shoulder_press", "Shoulder press", ConfusableWith: ["lat_pulldown"]),
        new("bench_press", "Bench press", ConfusableWith: ["incline_bench_press", "decline_bench_press"]),
        new("incline_bench_press", "Incline bench press", ConfusableWith: ["decline_bench_press"]),
        new("decline_bench_press", "Decline bench press"),
        new("chest_fly", "Chest fly"),
        new("deadlift", "Deadlift", ConfusableWith: ["romanian_deadlift"]),
        new("romanian_deadlift", "Romanian deadlift"),
        new("hip_thrust", "Hip thrust"),
        new("lat_pulldown", "Lat pulldown"),
        new("lateral_raise", "Lateral raise"),
        new("leg_extension", "Leg extension"),
        new("leg_raise", "Leg raise"),
        new("russian_twist", "Russian twist"),
        new("t_bar_row", "T-bar row"),
        new("tricep_dip", "Tricep dip"),
        new("tricep_pushdown", "Tricep pushdown"),
        new("mountain_climber", "Mountain climber", MeasuredIn.Time, StillCounterpart: "plank", RepPeriod: (0.45, 1.2), RepSpansBothSides: true),
        new("burpee", "Burpee"),
        new(Idle, "Idle"),
    ];

    private static readonly Dictionary<string, ExerciseInfo> ByName = Exercises.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>Every exercise's label, in <see cref="Exercises"/> order (idle last).</summary>
    public static IReadOnlyList<string> All { get; } = Exercises.Select(e => e.Name).ToArray();

    /// <summary>
    /// The product's first ten exercises and idle: what the shipped models know, and what the
    /// synthetic world draws its sessions from unless told otherwise (<see cref="Vocabulary"/>).
    /// </summary>
    public static IReadOnlyList<string> Ten { get; } = [.. Exercises.Take(10).Select(e => e.Name), Idle];

    /// <summary>
    /// The classes of a vocabulary as a command line names it: <c>ten</c> (<see cref="Ten"/>),
    /// <c>all</c> (<see cref="All"/>), or exercises separated by commas, however spelled; idle is
    /// always the last class. Anything else is one line, starting with <paramref name="option"/>, naming what is known.
    /// </summary>
    public static IReadOnlyList<string> Vocabulary(string spec, string option = "--exercises")
    {
        switch (spec.Trim().ToLowerInvariant())
        {
            case "ten": return Ten;
            case "all": return All;
        }
        var chosen = new List<string>();
        foreach (string part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string label = Parse(part) ?? throw new InvalidInputException(
                $"{option}: no exercise '{part}'; use ten, all, or a comma-separated list of {string.Join(", ", All.Where(e => !IsIdle(e)))}");
            if (!IsIdle(label) && !chosen.Contains(label)) chosen.Add(label);
        }
        if (chosen.Count == 0) throw new InvalidInputException($"{option}: name at least one exercise, or ten or all");
        return [.. Exercises.Select(e => e.Name).Where(chosen.Contains), Idle];
    }

    /// <summary>
    /// Pairs of exercises that body landmarks may hardly tell apart (<see cref="ExerciseInfo.ConfusableWith"/>),
    /// each once, in catalogue order: evaluation reports how often each is taken for the other.
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> ConfusablePairs { get; } =
        Exercises.SelectMany(e => (e.ConfusableWith ?? []).Select(other => (e.Name, other))).ToArray();

    /// <summary>Exercises held still: they get a duration, not reps.</summary>
    public static IReadOnlySet<string> StaticHolds { get; } =
        Exercises.Where(e => e.IsStaticHold).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Rep exercises whose pose, held still, is a static hold: a push-up's top is a plank. The
    /// temporal logic tells them apart by motion (<see cref="Temporal.StillHoldRelabeler"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> StillCounterparts { get; } =
        Exercises.Where(e => e.StillCounterpart is not null).ToDictionary(e => e.Name, e => e.StillCounterpart!, StringComparer.Ordinal);

    /// <summary>
    /// Exercises measured in time, not reps: the static holds, and running (whose counted strides
    /// are the rhythm the counter follows, not a number anyone trains for).
    /// </summary>
    public static IReadOnlySet<string> Timed { get; } =
        Exercises.Where(e => e.IsTimed).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The exercise's place in <see cref="Exercises"/> (the order pages and tables list exercises in); -1 for a label the catalogue lacks.</summary>
    public static int IndexOf(string label) => Order.GetValueOrDefault(label, -1);

    private static readonly Dictionary<string, int> Order = Exercises.Select((e, i) => (e.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    /// <summary>The catalogue's row for <paramref name="label"/>; null for a label it lacks (another model's class).</summary>
    public static ExerciseInfo? Find(string label) => ByName.GetValueOrDefault(label);

    public static bool IsIdle(string label) => string.Equals(label, Idle, StringComparison.Ordinal);

    public static bool IsStaticHold(string label) => StaticHolds.Contains(label);

    /// <summary>True for exercises measured in time (see <see cref="Timed"/>).</summary>
    public static bool IsTimed(string label) => Timed.Contains(label);

    /// <summary>Whether one rep of <paramref name="label"/> is a left and a right movement (see <see cref="ExerciseInfo.RepSpansBothSides"/>).</summary>
    public static bool RepSpansBothSides(string label) => Find(label)?.RepSpansBothSides ?? false;

    /// <summary>The exercise's own rep period bounds, or null where the general ones apply (see <see cref="ExerciseInfo.RepPeriod"/>).</summary>
    public static (double MinSeconds, double MaxSeconds)? RepPeriod(string label) => Find(label)?.RepPeriod;

    /// <summary>The exercise's display name ("Push-up"); a label this catalogue lacks (another model's class) reads "Front raise" for front_raise.</summary>
    public static string DisplayName(string label)
    {
        if (Find(label) is { } exercise) return exercise.DisplayName;
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
        foreach (var exercise in Exercises)
        {
            string own = Key(exercise.Name), shown = Key(exercise.DisplayName);
            if (key == own || key == shown || key == own + "s" || key == shown + "s") return exercise.Name;
            foreach (string other in exercise.AlsoCalled ?? [])
                if (key == Key(other) || key == Key(other) + "s") return exercise.Name;
        }
        return null;
    }

    /// <summary>Letters and digits only, lower case: what is left of a spelling once case, spaces, dashes and underscores go.</summary>
    private static string Key(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
