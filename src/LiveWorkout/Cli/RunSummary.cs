using System.Globalization;
using LiveWorkout.Pipeline;

namespace LiveWorkout.Cli;

/// <summary>The closing lines of a live or replay run.</summary>
public static class RunSummary
{
    public static void Print(RecognitionResult result, RecognitionSettings settings, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(inv,
            $"{result.FramesClassified} frames ({result.MediaDuration.TotalSeconds:0.0} s of video) in {result.WallTime.TotalSeconds:0.0} s: {result.FramesPerSecond:0} frames/s, {result.RealTimeFactor:0.0}x real time on {result.Device}"));
        if (result.FramesDropped > 0) output.WriteLine($"{result.FramesDropped} stale frames dropped (live: the newest frame wins)");
        if (result.FramesSkipped > 0) output.WriteLine($"{result.FramesSkipped} unreadable frames skipped");
        output.WriteLine($"{result.Sets.Count} sets: " + (result.Sets.Count == 0 ? "none recognised" :
            string.Join(", ", result.Sets.Select(s => Core.ExerciseCatalog.IsTimed(s.Exercise)
                ? string.Create(inv, $"{Core.ExerciseCatalog.DisplayName(s.Exercise)} {(s.HoldDuration ?? s.Duration).TotalSeconds:0} s")
                : $"{Core.ExerciseCatalog.DisplayName(s.Exercise)} x{s.Reps}"))));
        if (settings.RecordPath is not null) output.WriteLine($"recorded to {settings.RecordPath} (labels beside it)");
        if (result.SessionId is { } id) output.WriteLine($"logged as session {id} in {settings.DatabasePath}: 'liveworkout sessions show {id}'");
    }
}
