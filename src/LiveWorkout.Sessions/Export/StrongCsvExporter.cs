using System.Globalization;
using System.Text;

namespace LiveWorkout.Sessions.Export;

/// <summary>
/// CSV in the column layout of the Strong app's export, which other workout logs (Hevy, FitNotes
/// importers, strong-statistics, ...) read: one row per set, the weight and RPE the person entered
/// (weight 0 when none: bodyweight), distance 0, reps for counted sets and seconds for timed ones
/// (holds, running), the person's notes before ours.
/// </summary>
public static class StrongCsvExporter
{
    public const string Header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";

    /// <param name="weightUnit">kg or lb: the unit of the Weight column (the log keeps kilograms).</param>
    public static void Write(IEnumerable<SessionLog> sessions, TextWriter output, TimeZoneInfo zone, string weightUnit = WeightUnit.Kilograms)
    {
        output.Write(Header);
        output.Write('\n');
        foreach (var log in sessions.OrderBy(s => s.Session.StartedAt).ThenBy(s => s.Session.Id))
        {
            var summary = SessionSummary.Of(log);
            string date = TimeZoneInfo.ConvertTime(log.Session.StartedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var orderPerExercise = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var set in log.Sets)
            {
                int order = orderPerExercise[set.Exercise] = orderPerExercise.GetValueOrDefault(set.Exercise) + 1;
                bool timed = ExerciseMeasure.IsTimed(set.Exercise);
                string[] fields =
                [
                    date,
                    WorkoutName(log.Session.Id),
                    StrongDuration(summary.Duration),
                    ExerciseName(set.Exercise),
                    Invariant(order),
                    set.WeightKg is { } kg ? WeightUnit.FromKilograms(kg, weightUnit).ToString("0.##", CultureInfo.InvariantCulture) : "0",
                    Invariant(timed ? 0 : set.Reps),
                    "0",
                    Invariant(timed ? (long)Math.Round(ExerciseMeasure.TimedLength(set).TotalSeconds, MidpointRounding.AwayFromZero) : 0),
                    SetNotes(set),
                    log.Session.Notes,
                    set.Rpe is { } rpe ? rpe.ToString("0.#", CultureInfo.InvariantCulture) : "",
                ];
                output.Write(string.Join(',', fields.Select(Quote)));
                output.Write('\n');
            }
        }
    }

    public static string WorkoutName(long sessionId) => $"LiveWorkout #{sessionId}";

    /// <summary>The exercise's one display name: squat → Squat, push_up → Push-up.</summary>
    public static string ExerciseName(string exercise) => Core.ExerciseCatalog.DisplayName(exercise);

    /// <summary>Strong writes workout durations as "1h 5m", "12m"; under a minute, "45s".</summary>
    public static string StrongDuration(TimeSpan t)
    {
        long seconds = (long)Math.Round(t.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 60) return $"{seconds}s";
        long minutes = seconds / 60;
        return minutes >= 60 ? $"{minutes / 60}h {minutes % 60}m" : $"{minutes}m";
    }

    private static string SetNotes(StoredSet set)
    {
        var notes = new List<string>();
        if (set.Notes.Length > 0) notes.Add(set.Notes);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {set.MeanConfidence:0.00}"));
        if (set.Corrected) notes.Add(ExerciseMeasure.IsTimed(set.RecognizedExercise) ? $"corrected from {ExerciseName(set.RecognizedExercise)}" : $"corrected from {ExerciseName(set.RecognizedExercise)} x{set.RecognizedReps}");
        if (set.Status == SetStatus.Open) notes.Add("unfinished (session interrupted)");
        return string.Join("; ", notes);
    }

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.</summary>
    private static string Quote(string field)
    {
        if (field.IndexOfAny([',', '"', '\n', '\r']) < 0) return field;
        var sb = new StringBuilder(field.Length + 2).Append('"');
        sb.Append(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }
}
