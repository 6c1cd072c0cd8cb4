using System.Globalization;
using LiveWorkout.Sessions;

namespace LiveWorkout.Cli;

/// <summary>Prints one logged session as `sessions show` does: a header, then its sets and rests.</summary>
public static class SessionPrinter
{
    /// <param name="weightUnit">kg or lb, for the weights the person entered.</param>
    public static void Print(SessionLog log, TextWriter output, string weightUnit = WeightUnit.Kilograms)
    {
        var summary = SessionSummary.Of(log);
        var s = log.Session;
        output.WriteLine($"Session {s.Id}  {DisplayFormat.DateTime(s.StartedAt, TimeZoneInfo.Local)}  duration {DisplayFormat.Duration(summary.Duration)}  active {DisplayFormat.Duration(summary.ActiveTime)}  {summary.Sets} sets  {summary.TotalReps} reps{(s.Complete ? "" : "  (interrupted)")}");
        output.WriteLine($"source {s.Source}  model {s.Model}  device {s.Device}{(s.Notes.Length > 0 ? $"  notes: {s.Notes}" : "")}");
        if (s.SourceProblem is { } problem) output.WriteLine($"incomplete source: {problem}");
        output.WriteLine();
        bool entered = log.Sets.Any(x => x.WeightKg is not null || x.Rpe is not null);
        var table = entered
            ? new TextTable(">set", ">start", "exercise", ">reps", ">weight", ">rpe", ">duration", ">conf", "note")
            : new TextTable(">set", ">start", "exercise", ">reps", ">duration", ">conf", "note");
        void Add(params string[] cells) => table.Add(entered ? cells : [.. cells[..4], .. cells[6..]]);
        foreach (var entry in SessionTimeline.Of(log))
        {
            string start = DisplayFormat.Duration(entry.Start), duration = DisplayFormat.Duration(entry.Duration);
            switch (entry.Kind)
            {
                case TimelineEntryKind.Set:
                    var set = entry.Set!;
                    string reps = ExerciseMeasure.Amount(set);
                    var notes = new List<string>();
                    if (set.Notes.Length > 0) notes.Add(set.Notes);
                    if (set.Corrected) notes.Add($"corrected (was {Was(set)})");
                    if (set.Status == SetStatus.Open) notes.Add("unfinished");
                    Add(N(set.Order), start, DisplayFormat.Exercise(set.Exercise), reps,
                        set.WeightKg is { } kg ? WeightUnit.Format(kg, weightUnit) : "", set.Rpe is { } rpe ? rpe.ToString("0.#", CultureInfo.InvariantCulture) : "", duration,
                        set.MeanConfidence.ToString("0.00", CultureInfo.InvariantCulture), string.Join("; ", notes));
                    break;
                case TimelineEntryKind.Rest:
                    Add("", start, "  rest", "", "", "", duration, "", "");
                    break;
                default:
                    Add("", start, "  no frames", "", "", "", duration, "", entry.Detail ?? "");
                    break;
            }
        }
        table.Write(output);
    }

    /// <summary>What the recogniser said: "Squat x15", or just "Plank" for a timed exercise.</summary>
    public static string Was(StoredSet set) => ExerciseMeasure.IsTimed(set.RecognizedExercise)
        ? DisplayFormat.Exercise(set.RecognizedExercise)
        : $"{DisplayFormat.Exercise(set.RecognizedExercise)} x{N(set.RecognizedReps)}";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
