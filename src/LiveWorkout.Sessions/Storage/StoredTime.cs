using System.Globalization;
using System.Text.Json;

namespace LiveWorkout.Sessions.Storage;

/// <summary>How times are written to the file: media time as integer milliseconds, wall-clock as ISO 8601 UTC.</summary>
internal static class StoredTime
{
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static long Milliseconds(TimeSpan t) => (long)Math.Round(t.TotalMilliseconds, MidpointRounding.AwayFromZero);

    public static TimeSpan FromMilliseconds(long ms) => TimeSpan.FromMilliseconds(ms);

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseIso(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Session start plus a media offset, rounded like the stored value.</summary>
    public static DateTimeOffset At(DateTimeOffset sessionStart, TimeSpan offset) => sessionStart.AddMilliseconds(Milliseconds(offset));

    public static string RepTimes(IEnumerable<TimeSpan> times) => JsonSerializer.Serialize(times.Select(Milliseconds).ToArray());

    public static IReadOnlyList<TimeSpan> ParseRepTimes(string json) =>
        (JsonSerializer.Deserialize<long[]>(json) ?? []).Select(FromMilliseconds).ToArray();
}
