using System.Globalization;
using LiveWorkout.Sessions;

namespace LiveWorkout.Cli;

/// <summary>Prints one logged session as `sessions show` does: a header, then its sets and rests.</summary>
public static class SessionPrinter
{
    public static void Print(SessionLog log, TextWriter output)
    {
        var summary = SessionSummary.Of(log);
        var s = log.Session;
        output.WriteLine($"Session {s.Id}  {DisplayFormat.DateTime(s.StartedAt, TimeZoneInfo.Local)}  duration {DisplayFormat.Duration(summary.Duration)}  active {DisplayFormat.Duration(summary.ActiveTime)}  {summary.Sets} sets  {summary.TotalReps} reps{(s.Complete ? "" : "  (interrupted)")}");
        output.WriteLine($"source {s.Source}  model {s.Model}  device {s.Device}{(s.Notes.Length > 0 ? $"  notes: {s.Notes}" : "")}");
        if (s.SourceProblem is { } problem) output.WriteLine($"incomplete source: {problem}");
        output.WriteLine();
        var table = new TextTable(">set", ">start", "exercise", ">reps", ">duration", ">conf", "note");
        foreach (var entry in SessionTimeline.Of(log))
        {
            string start = DisplayFormat.Duration(entry.Start), duration = DisplayFormat.Duration(entry.Duration);
            switch (entry.Kind)
            {
                case TimelineEntryKind.Set:
                    var set = entry.Set!;
                    string reps = ExerciseMeasure.Amount(set);
                    var notes = new List<string>();
                    if (set.Corrected) notes.Add($"corrected (was {Was(set)})");
                    if (set.Status == SetStatus.Open) notes.Add("unfinished");
                    table.Add(N(set.Order), start, DisplayFormat.Exercise(set.Exercise), reps, duration,
                        set.MeanConfidence.ToString("0.00", CultureInfo.InvariantCulture), string.Join("; ", notes));
                    break;
                case TimelineEntryKind.Rest:
                    table.Add("", start, "  rest", "", duration, "", "");
                    break;
                default:
                    table.Add("", start, "  no frames", "", duration, "", entry.Detail ?? "");
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
