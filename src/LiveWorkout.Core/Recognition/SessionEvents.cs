namespace LiveWorkout.Core.Recognition;

/// <summary>A set as recognised: the unit a session log stores and evaluation scores.</summary>
/// <param name="Exercise">Class name (never idle).</param>
/// <param name="Start">Onset of the set (backfilled to when the exercise really began).</param>
/// <param name="End">When the set ended.</param>
/// <param name="Reps">Repetitions counted; 0 for static holds.</param>
/// <param name="RepTimes">Time of each counted rep.</param>
/// <param name="MeanConfidence">Mean smoothed probability of the exercise over the set.</param>
/// <param name="HoldDuration">For static holds (plank): how long the hold lasted; otherwise null.</param>
public sealed record RecognizedSet(
    string Exercise,
    TimeSpan Start,
    TimeSpan End,
    int Reps,
    IReadOnlyList<TimeSpan> RepTimes,
    double MeanConfidence,
    TimeSpan? HoldDuration)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>What the temporal logic tells the rest of the system, stamped with media/capture time.</summary>
public abstract record SessionEvent(TimeSpan Time);

/// <summary>An exercise became stable; <see cref="SessionEvent.Time"/> is the backfilled onset.</summary>
public sealed record SetStarted(TimeSpan Time, string Exercise, double Confidence) : SessionEvent(Time);

/// <summary>A repetition of the current set, numbered from 1.</summary>
public sealed record RepCounted(TimeSpan Time, string Exercise, int RepNumber) : SessionEvent(Time);

/// <summary>A set is over; it carries the whole set.</summary>
public sealed record SetEnded(TimeSpan Time, RecognizedSet Set) : SessionEvent(Time);

/// <summary>The person rests (idle after a set).</summary>
public sealed record RestStarted(TimeSpan Time) : SessionEvent(Time);

/// <summary>The source stopped delivering frames (a dropped stream).</summary>
public sealed record SourceLost(TimeSpan Time, string Reason) : SessionEvent(Time);

/// <summary>Frames flow again after <see cref="Gap"/>.</summary>
public sealed record SourceRecovered(TimeSpan Time, TimeSpan Gap) : SessionEvent(Time);

/// <summary>About once a second: the smoothed prediction, for the session timeline and charts.</summary>
public sealed record TimelineSample(TimeSpan Time, string Label, double Confidence) : SessionEvent(Time);
