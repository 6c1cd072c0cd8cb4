namespace LiveWorkout.Sessions;

/// <summary>What is known when a session starts. <paramref name="StartedAt"/> is the wall-clock time of media time zero.</summary>
public sealed record NewSession(DateTimeOffset StartedAt, string Source, string Model, string Device, string Notes = "");

/// <summary>Open: the set was still running at the last checkpoint (a crash or a live session). Committed: it ended.</summary>
public enum SetStatus { Open, Committed }

/// <summary>
/// A session row. <see cref="EndedAt"/> is null while recording and after a crash;
/// <see cref="SourceProblem"/> says why the source delivered less than all of itself (null: it did not).
/// </summary>
public sealed record StoredSession(
    long Id, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, TimeSpan Duration,
    string Source, string Model, string Device, string Notes, string? SourceProblem = null)
{
    public bool Complete => EndedAt is not null;
}

/// <summary>
/// A set as the user should see it: <see cref="Exercise"/> and <see cref="Reps"/> apply the latest
/// correction; <see cref="RecognizedExercise"/> and <see cref="RecognizedReps"/> are what the
/// recogniser said (kept: corrections are training labels). <see cref="WeightKg"/>,
/// <see cref="Rpe"/> and <see cref="Notes"/> are what the person entered (null or empty: nothing).
/// </summary>
public sealed record StoredSet(
    long Id, int Order, string Exercise, int Reps,
    TimeSpan Start, TimeSpan End, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    IReadOnlyList<TimeSpan> RepTimes, double MeanConfidence, TimeSpan? HoldDuration, SetStatus Status,
    string RecognizedExercise, int RecognizedReps, bool Corrected,
    double? WeightKg = null, double? Rpe = null, string Notes = "")
{
    public TimeSpan Duration => End - Start;
}

/// <summary>One coarse (about 1 Hz) smoothed prediction.</summary>
public sealed record TimelinePoint(TimeSpan Time, string Label, double Confidence);

/// <summary>A stretch without frames; <see cref="Recovered"/> is null if the source never came back.</summary>
public sealed record SourceGap(TimeSpan Lost, TimeSpan? Recovered, string Reason);

/// <summary>A user's correction of a set, stored beside the original values.</summary>
public sealed record SetCorrection(long Id, long SetId, DateTimeOffset CorrectedAt, string? Exercise, int? Reps);

/// <summary>Everything stored about one session.</summary>
public sealed record SessionLog(StoredSession Session, IReadOnlyList<StoredSet> Sets, IReadOnlyList<SourceGap> Gaps, IReadOnlyList<TimelinePoint> Timeline);
