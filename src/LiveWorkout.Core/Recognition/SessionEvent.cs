namespace LiveWorkout.Core.Recognition;

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
