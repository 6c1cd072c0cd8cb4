namespace LiveWorkout.Core.Temporal;

/// <summary>What the segmenter decided on a frame, stamped with media time.</summary>
public abstract record SegmentTransition(TimeSpan Time);

/// <summary>A set began at its backfilled onset; <see cref="Frames"/> are its frames so far, from the onset.</summary>
public sealed record SegmentOpened(TimeSpan Time, string Exercise, IReadOnlyList<SmoothedFrame> Frames) : SegmentTransition(Time);

/// <summary>A set is over; <see cref="SegmentTransition.Time"/> is its last frame of the exercise.</summary>
public sealed record SegmentClosed(TimeSpan Time, string Exercise) : SegmentTransition(Time);

/// <summary>Idle followed a set; the rest began at <see cref="SegmentTransition.Time"/>.</summary>
public sealed record RestBegan(TimeSpan Time) : SegmentTransition(Time);
