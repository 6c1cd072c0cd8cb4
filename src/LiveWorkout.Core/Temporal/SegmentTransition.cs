namespace LiveWorkout.Core.Temporal;

/// <summary>What the segmenter decided on a frame, stamped with media time.</summary>
public abstract record SegmentTransition(TimeSpan Time);

/// <summary>
/// A set began at its backfilled onset; <see cref="Frames"/> are its frames so far, from the onset,
/// and <see cref="Before"/> the frames of the last <see cref="TemporalOptions.RepContextSeconds"/>
/// before it (never part of an earlier set): context for the rep counter, not part of the set.
/// </summary>
public sealed record SegmentOpened(TimeSpan Time, string Exercise, IReadOnlyList<SmoothedFrame> Frames, IReadOnlyList<SmoothedFrame> Before) : SegmentTransition(Time);

/// <summary>A set is over; <see cref="SegmentTransition.Time"/> is its last frame of the exercise.</summary>
public sealed record SegmentClosed(TimeSpan Time, string Exercise) : SegmentTransition(Time);

/// <summary>Idle followed a set; the rest began at <see cref="SegmentTransition.Time"/>.</summary>
public sealed record RestBegan(TimeSpan Time) : SegmentTransition(Time);
