using LiveWorkout.Core;

namespace LiveWorkout.Synthetic.Motions;

/// <summary>
/// The ways each exercise is done in the synthetic world (loaded, seated, grips, ranges), with how
/// often random sessions pick each, so the world shows people as they really train and a trainer
/// can report accuracy per variant. The first variant of each exercise is its standard one.
/// </summary>
public static class MotionVariants
{
    /// <summary>The name of the only variant of exercises that have no others.</summary>
    public const string Standard = "standard";

    private static readonly Dictionary<string, (string Name, double Weight)[]> Table = new()
    {
        ["squat"] =
        [
            (SquatMotion.Bodyweight, 0.16), (SquatMotion.BackSquat, 0.18), (SquatMotion.FrontSquat, 0.1), (SquatMotion.Goblet, 0.13),
            (SquatMotion.Dumbbells, 0.1), (SquatMotion.BoxSquat, 0.1), (SquatMotion.Machine, 0.11), (SquatMotion.Prisoner, 0.06),
            (SquatMotion.Sumo, 0.06),
        ],
        // Every style with every carry: styles weighted 0.2, 0.32, 0.22, 0.26 and carries 0.3, 0.3, 0.2, 0.1, 0.1 of the sets.
        ["lunge"] =
        [
            .. from style in LungeMotion.Styles.Zip([0.2, 0.32, 0.22, 0.26])
            from carry in LungeMotion.Carries.Zip([0.3, 0.3, 0.2, 0.1, 0.1])
            select (style.First + carry.First, style.Second * carry.Second),
        ],
        ["bicep_curl"] =
        [
            (BicepCurlMotion.Standing, 0.22), (BicepCurlMotion.Alternating, 0.12), (BicepCurlMotion.Seated, 0.14), (BicepCurlMotion.SeatedAlternating, 0.1),
            (BicepCurlMotion.Incline, 0.14), (BicepCurlMotion.Preacher, 0.16), (BicepCurlMotion.Barbell, 0.12),
        ],
        ["shoulder_press"] =
        [
            (ShoulderPressMotion.Standing, 0.2), (ShoulderPressMotion.Seated, 0.2), (ShoulderPressMotion.Barbell, 0.1), (ShoulderPressMotion.SeatedBarbell, 0.15),
            (ShoulderPressMotion.PalmsIn, 0.2), (ShoulderPressMotion.SeatedPalmsIn, 0.15),
        ],
        ["pull_up"] = [(PullUpMotion.Wide, 0.35), (PullUpMotion.ChinUp, 0.25), (PullUpMotion.Partial, 0.15), (PullUpMotion.Assisted, 0.25)],
        ["push_up"] = [(PushUpMotion.Floor, 0.5), (PushUpMotion.Incline, 0.25), (PushUpMotion.Knees, 0.25)],
        ["sit_up"] = [(SitUpMotion.FullSitUp, 0.35), (SitUpMotion.HandsBehindHead, 0.35), (SitUpMotion.Crunch, 0.3)],
        ["plank"] = [(PlankMotion.Forearms, 0.6), (PlankMotion.Hands, 0.4)],
        ["running"] = [(Standard, 1)],
        ["jumping_jack"] = [(Standard, 1)],
        [BenchPressMotion.Flat] = [(BenchPressMotion.Barbell, 0.6), (BenchPressMotion.Dumbbells, 0.4)],
        [BenchPressMotion.InclineBench] = [(BenchPressMotion.Barbell, 0.5), (BenchPressMotion.Dumbbells, 0.5)],
        [BenchPressMotion.DeclineBench] = [(BenchPressMotion.Barbell, 0.7), (BenchPressMotion.Dumbbells, 0.3)],
        ["chest_fly"] = [(Standard, 1)],
        [DeadliftMotion.Deadlift] = [(DeadliftMotion.Conventional, 0.75), (DeadliftMotion.Sumo, 0.25)],
        [DeadliftMotion.Romanian] = [(DeadliftMotion.Barbell, 0.6), (DeadliftMotion.Dumbbells, 0.4)],
        ["hip_thrust"] = [(HipThrustMotion.Barbell, 0.7), (HipThrustMotion.Bodyweight, 0.3)],
        ["lat_pulldown"] = [(LatPulldownMotion.Wide, 0.7), (LatPulldownMotion.Close, 0.3)],
        ["lateral_raise"] = [(LateralRaiseMotion.Standing, 0.7), (LateralRaiseMotion.Seated, 0.3)],
        ["leg_extension"] = [(Standard, 1)],
        ["leg_raise"] = [(LegRaiseMotion.Lying, 0.6), (LegRaiseMotion.Hanging, 0.4)],
        ["russian_twist"] = [(RussianTwistMotion.FeetDown, 0.5), (RussianTwistMotion.FeetUp, 0.5)],
        ["t_bar_row"] = [(Standard, 1)],
        ["tricep_dip"] = [(TricepDipMotion.Bars, 0.55), (TricepDipMotion.Bench, 0.45)],
        ["tricep_pushdown"] = [(TricepPushdownMotion.Bar, 0.55), (TricepPushdownMotion.Rope, 0.45)],
        ["mountain_climber"] = [(Standard, 1)],
        ["burpee"] = [(BurpeeMotion.Standard, 0.6), (BurpeeMotion.WithPushUp, 0.4)],
        [ExerciseCatalog.Idle] = [(Standard, 1)],
    };

    /// <summary>The variants of an exercise, the standard one first.</summary>
    public static IReadOnlyList<string> Of(string exercise) =>
        Table.TryGetValue(exercise, out var variants)
            ? variants.Select(v => v.Name).ToList()
            : throw new InvalidInputException($"the synthetic world has no exercise '{exercise}'; known: {string.Join(", ", ExerciseCatalog.All)}");

    /// <summary>A variant drawn with the weights of how often people train that way.</summary>
    public static string Pick(string exercise, Random rng)
    {
        var variants = Table[exercise];
        double u = rng.NextDouble() * variants.Sum(v => v.Weight);
        foreach (var (name, weight) in variants)
        {
            if (u < weight) return name;
            u -= weight;
        }
        return variants[^1].Name;
    }

    /// <summary>Returns <paramref name="variant"/> when the exercise has it; otherwise a one-line error naming the ones it has.</summary>
    public static string Check(string exercise, string variant) =>
        Of(exercise).Contains(variant)
            ? variant
            : throw new InvalidInputException($"the synthetic {exercise} has no variant '{variant}'; known: {string.Join(", ", Of(exercise))}");
}
