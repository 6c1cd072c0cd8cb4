using System.Globalization;
using LiveWorkout.Pipeline;

namespace LiveWorkout.Cli;

/// <summary>The closing lines of a live or replay run.</summary>
public static class RunSummary
{
    /// <summary>Below this share of frames with a person found, the summary says how to be seen.</summary>
    public const double MostlySeen = 0.5;

    /// <summary>From this share of the person's frames facing the camera, the summary says which views work best.</summary>
    public const double MostlyFacing = 0.5;

    private const string FacingAdvice = "curls, lunges and pull-ups filmed from the front are recognised least; side-on or at three-quarters is best";

    private const string InViewAdvice = "keep the whole body in the picture, side-on or at three-quarters to the camera, in good light (a person far away or in front of a busy background is harder to find)";

    public static void Print(RecognitionResult result, RecognitionSettings settings, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(inv,
            $"{result.FramesClassified} frames ({result.MediaDuration.TotalSeconds:0.0} s of video) in {result.WallTime.TotalSeconds:0.0} s: {result.FramesPerSecond:0} frames/s, {result.RealTimeFactor:0.0}x real time on {result.Device}"));
        if (result.FramesDropped > 0) output.WriteLine($"{result.FramesDropped} stale frames dropped (live: the newest frame wins)");
        if (result.FramesSkipped > 0) output.WriteLine($"{result.FramesSkipped} unreadable frames skipped");
        if (result.PersonFrames is { } seen && result.FramesClassified > 0)
        {
            double share = (double)seen / result.FramesClassified;
            output.WriteLine(string.Create(inv, $"person in view in {Percent(seen, result.FramesClassified)}% of the frames") +
                (share >= MostlySeen ? "" : (seen == 0 ? ": nobody was found; " : ": in the rest nobody was found; ") + InViewAdvice));
            if (seen > 0 && result.FacingFrames is { } facing && facing >= MostlyFacing * seen)
                output.WriteLine($"facing the camera in {Percent(facing, seen)}% of them: {FacingAdvice}");
        }
        output.WriteLine($"{Sessions.DisplayFormat.Count(result.Sets.Count, "set")}: " + (result.Sets.Count == 0 ? "none recognised" :
            string.Join(", ", result.Sets.Select(s => Core.ExerciseCatalog.IsTimed(s.Exercise)
                ? string.Create(inv, $"{Core.ExerciseCatalog.DisplayName(s.Exercise)} {(s.HoldDuration ?? s.Duration).TotalSeconds:0} s")
                : $"{Core.ExerciseCatalog.DisplayName(s.Exercise)} x{s.Reps}"))));
        if (settings.RecordPath is not null) output.WriteLine($"recorded to {settings.RecordPath} (labels beside it)");
        if (result.SessionId is { } id) output.WriteLine($"logged as session {id} in {settings.DatabasePath}: 'liveworkout sessions show {id}'");
    }

    /// <summary>A whole-number percentage, rounded down: never "100%" with a frame left out.</summary>
    private static int Percent(long part, long whole) => part == whole ? 100 : (int)Math.Floor(100.0 * part / whole);
}
