using LiveWorkout.Sessions.Recording;

namespace LiveWorkout.Sessions.Tests;

/// <summary>
/// Eight weeks of logged training, Monday 3 February to Saturday 29 March 2025 (UTC), for the
/// progress page: demo workouts (ten sets each, reps varying with the seed) and short ones, the
/// week of 17 February missed, four days in a row from 10 March, curls and presses with rising
/// weights, and a session in which nothing was recognised.
/// </summary>
public static class TrainingWeeks
{
    /// <summary>The day the page is made on: a Sunday without a workout.</summary>
    public static readonly DateOnly Today = new(2025, 3, 30);

    public static readonly string[] Days =
    [
        "2025-02-03", "2025-02-05", "2025-02-10", "2025-02-12", "2025-02-14", "2025-02-24", "2025-02-26",
        "2025-03-03", "2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-17", "2025-03-24", "2025-03-28", "2025-03-29",
    ];

    /// <summary>The heaviest curl, entered for the last demo workout's curl set.</summary>
    public const double HeaviestCurlKg = 16;

    /// <summary>The index in <see cref="Days"/> of the last demo workout (every fourth day is a short one).</summary>
    private const int LastDemo = 14;

    /// <summary>Records the weeks into <paramref name="store"/>; returns the id of the session without sets.</summary>
    public static long Record(SessionStore store)
    {
        for (int i = 0; i < Days.Length; i++)
        {
            var at = DateTimeOffset.Parse(Days[i] + "T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            if (i % 4 == 3)
            {
                WorkoutEvents.Record(store, at);
                continue;
            }
            long id = DemoWorkout.Seed(store, at, seed: 100 + i);
            // Set 7 is a bicep curl, set 8 a shoulder press (DemoWorkout's plan); weights rise over the weeks.
            store.SetDetails(id, 7, HeaviestCurlKg - (LastDemo - i) * 0.5, null, null);
            store.SetDetails(id, 8, 20 + i * 0.5, null, null);
        }
        using var empty = store.StartRecording(new NewSession(new DateTimeOffset(2025, 3, 29, 20, 0, 0, TimeSpan.Zero), "camera 0", "m", "cpu"));
        empty.Complete();
        return empty.SessionId;
    }
}
