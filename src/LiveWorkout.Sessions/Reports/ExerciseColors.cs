using LiveWorkout.Core;

namespace LiveWorkout.Sessions.Reports;

/// <summary>One colour per exercise, the same in every page, chart, table and legend (#rrggbb).</summary>
public static class ExerciseColors
{
    /// <summary>Ten colours that stay apart from one another on white, in the catalogue's order.</summary>
    private static readonly string[] Palette =
    [
        "#4f46e5", "#f97316", "#0d9488", "#e11d48", "#eab308",
        "#8b5cf6", "#0284c7", "#db2777", "#16a34a", "#8b5e3c",
    ];

    /// <summary>The light grey of idle time.</summary>
    public const string Idle = "#e2e8f0";

    public static string Of(string exercise)
    {
        if (ExerciseCatalog.IsIdle(exercise)) return Idle;
        int index = ExerciseCatalog.IndexOf(exercise);
        if (index < 0) index = (int)((uint)StableHash(exercise) % Palette.Length);
        return Palette[index % Palette.Length];
    }

    /// <summary>A hash that is the same in every run (string.GetHashCode is randomised per process).</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = 17;
            foreach (char c in text) hash = hash * 31 + c;
            return hash;
        }
    }
}
