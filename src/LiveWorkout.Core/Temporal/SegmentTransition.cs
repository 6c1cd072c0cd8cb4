namespace LiveWorkout.Core.Temporal;

/// <summary>What the segmenter decided on a frame, stamped with media time.</summary>
public abstract record SegmentTransition(TimeSpan Time);

/// <summary>
/// A set began at its backfilled onset (<see cref="SegmentTransition.Time"/>). <see cref="Frames"/>
/// are its frames so far from where the classifier's top class was the exercise, which is the
/// onset unless the onset was walked back further over frames where the exercise was only likely
/// (<see cref="TemporalOptions.OnsetBackfillProbability"/>); reps are counted from there.
/// <see cref="Before"/> are the <see cref="TemporalOptions.RepContextSeconds"/> of frames before
/// <see cref="Frames"/> (never part of an earlier set): context for the rep counter.
/// </summary>
public sealed record SegmentOpened(TimeSpan Time, string Exercise, IReadOnlyList<SmoothedFrame> Frames, IReadOnlyList<SmoothedFrame> Before) : SegmentTransition(Time);

/// <summary>A set is over; <see cref="SegmentTransition.Time"/> is its last frame of the exercise.</summary>
public sealed record SegmentClosed(TimeSpan Time, string Exercise) : SegmentTransition(Time);

/// <summary>Idle followed a set; the rest began at <see cref="SegmentTransition.Time"/>.</summary>
public sealed record RestBegan(TimeSpan Time) : SegmentTransition(Time);
