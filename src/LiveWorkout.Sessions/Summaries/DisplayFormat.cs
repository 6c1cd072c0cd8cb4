using System.Globalization;

namespace LiveWorkout.Sessions;

/// <summary>How times read in tables and reports: durations as 12:34 (1:02:03 past an hour), dates in local time.</summary>
public static class DisplayFormat
{
    public static string Duration(TimeSpan t)
    {
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        long seconds = (long)Math.Round(t.TotalSeconds, MidpointRounding.AwayFromZero);
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    public static string DateTime(DateTimeOffset t, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A count with its noun in the number that agrees with it: "1 set", "2 sets", "1,250 reps".</summary>
    public static string Count(long n, string noun) =>
        $"{n.ToString("#,0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>The exercise's one display name (<see cref="Core.ExerciseCatalog.DisplayName"/>).</summary>
    public static string Exercise(string name) => Core.ExerciseCatalog.DisplayName(name);
}
