using LiveWorkout.Core;
using LiveWorkout.Core.Recognition;
using LiveWorkout.Sessions.Storage;
using Microsoft.Data.Sqlite;

namespace LiveWorkout.Sessions.Recording;

/// <summary>
/// Writes one session's events into the log. A set is committed when it ends; the set still
/// running is checkpointed every <see cref="SessionRecorderOptions.CheckpointInterval"/> of media
/// time (taken from the events, never the wall clock), so a killed process loses at most that.
/// Subscribe it to the pipeline (it is an <see cref="IObserver{T}"/>); completion ends the session.
/// Not thread-safe beyond Rx's guarantee that OnNext calls do not overlap.
/// </summary>
public sealed class SessionRecorder : IObserver<SessionEvent>, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly RecordingLock _lock;
    private readonly DateTimeOffset _startedAt;
    private readonly TimeSpan _interval;
    private readonly List<TimelinePoint> _pendingTimeline = [];
    private OpenSet? _open;
    private int _nextOrder = 1;
    private long? _openGapId;
    private TimeSpan _now;
    private TimeSpan _lastCheckpoint;
    private bool _ended;

    internal SessionRecorder(SqliteConnection connection, string databasePath, NewSession session, SessionRecorderOptions options)
    {
        if (options.CheckpointInterval <= TimeSpan.Zero)
            throw new InvalidInputException("the session checkpoint interval must be positive.");
        _connection = connection;
        _startedAt = session.StartedAt;
        _interval = options.CheckpointInterval;
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sessions (started_at, source, model, device, notes) VALUES ($started, $source, $model, $device, $notes);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$started", StoredTime.Iso(session.StartedAt));
        command.Parameters.AddWithValue("$source", session.Source);
        command.Parameters.AddWithValue("$model", session.Model);
        command.Parameters.AddWithValue("$device", session.Device);
        command.Parameters.AddWithValue("$notes", session.Notes);
        SessionId = Run(() => (long)command.ExecuteScalar()!);
        _lock = RecordingLock.Take(databasePath, SessionId);
    }

    public long SessionId { get; }

    /// <summary>How many checkpoints (transactions other than set commits) were written; for tests and logs.</summary>
    public int Checkpoints { get; private set; }

    /// <summary>Records one event; writes when a set starts or ends, a source drops, or a checkpoint is due.</summary>
    public void Record(SessionEvent e)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (e.Time > _now) _now = e.Time;
        bool writeNow = false;
        switch (e)
        {
            case SetStarted started:
                if (_open is not null) CommitOpen();
                _open = new OpenSet(_nextOrder++, started.Exercise, started.Time, started.Confidence);
                writeNow = true;
                break;
            case RepCounted rep:
                _open?.RepTimes.Add(rep.Time);
                break;
            case SetEnded ended:
                Commit(ended.Set);
                break;
            case SourceLost lost:
                _openGapId = InsertGap(lost.Time, null, lost.Reason);
                writeNow = true;
                break;
            case SourceRecovered recovered:
                RecordRecovery(recovered);
                break;
            case TimelineSample sample:
                _pendingTimeline.Add(new TimelinePoint(sample.Time, sample.Label, sample.Confidence));
                if (_open is not null && sample.Label == _open.Exercise) _open.AddConfidence(sample.Confidence);
                break;
        }
        if (writeNow || _now - _lastCheckpoint >= _interval) Checkpoint();
    }

    /// <summary>Writes the open set, pending timeline samples and the session length in one transaction.</summary>
    public void Checkpoint()
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        Run(() =>
        {
            using var transaction = _connection.BeginTransaction();
            if (_open is not null) UpsertSet(transaction, _open.Order, _open.Snapshot(_now).Set, SetStatus.Open);
            FlushTimeline(transaction);
            transaction.Commit();
            return 0;
        });
        _lastCheckpoint = _now;
        Checkpoints++;
    }

    /// <summary>
    /// Marks the session as made from a source that delivered less than all of itself (a clip that
    /// ended early, damaged images), so views and exports never take it for a whole session.
    /// </summary>
    public void FlagSourceProblem(string problem)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        Run(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE sessions SET source_problem = $problem WHERE id = $id";
            command.Parameters.AddWithValue("$problem", problem);
            command.Parameters.AddWithValue("$id", SessionId);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Ends the session: a set still open is committed as it stands, and the end time is stored.</summary>
    public void Complete()
    {
        if (_ended) return;
        if (_open is not null) CommitOpen();
        Checkpoint();
        Run(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE sessions SET ended_at = $ended, duration_ms = $duration WHERE id = $id";
            command.Parameters.AddWithValue("$ended", StoredTime.Iso(StoredTime.At(_startedAt, _now)));
            command.Parameters.AddWithValue("$duration", StoredTime.Milliseconds(_now));
            command.Parameters.AddWithValue("$id", SessionId);
            return command.ExecuteNonQuery();
        });
        _ended = true;
        _connection.Dispose();
        _lock.Dispose();
    }

    void IObserver<SessionEvent>.OnNext(SessionEvent value) => Record(value);

    void IObserver<SessionEvent>.OnCompleted() => Complete();

    /// <summary>The pipeline failed: keep what was recognised and close the session.</summary>
    void IObserver<SessionEvent>.OnError(Exception error) => Complete();

    public void Dispose()
    {
        if (_ended) return;
        try { Complete(); }
        finally
        {
            _ended = true;
            _connection.Dispose();
            _lock.Dispose();
        }
    }

    private void CommitOpen()
    {
        var set = _open!.Snapshot(_now);
        _open = null;
        Run(() =>
        {
            using var transaction = _connection.BeginTransaction();
            UpsertSet(transaction, set.Order, set.Set, SetStatus.Committed);
            FlushTimeline(transaction);
            transaction.Commit();
            return 0;
        });
    }

    private void Commit(RecognizedSet set)
    {
        int order = _open?.Order ?? _nextOrder++;
        _open = null;
        Run(() =>
        {
            using var transaction = _connection.BeginTransaction();
            UpsertSet(transaction, order, set, SetStatus.Committed);
            FlushTimeline(transaction);
            transaction.Commit();
            return 0;
        });
    }

    private void UpsertSet(SqliteTransaction transaction, int order, RecognizedSet set, SetStatus status)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO sets (session_id, set_order, exercise, start_ms, end_ms, started_at, ended_at, reps, rep_times_ms, mean_confidence, hold_ms, status)
            VALUES ($session, $order, $exercise, $start, $end, $startedAt, $endedAt, $reps, $repTimes, $confidence, $hold, $status)
            ON CONFLICT (session_id, set_order) DO UPDATE SET
                exercise = excluded.exercise, start_ms = excluded.start_ms, end_ms = excluded.end_ms,
                started_at = excluded.started_at, ended_at = excluded.ended_at, reps = excluded.reps,
                rep_times_ms = excluded.rep_times_ms, mean_confidence = excluded.mean_confidence,
                hold_ms = excluded.hold_ms, status = excluded.status;
            UPDATE sessions SET duration_ms = max(duration_ms, $now) WHERE id = $session;
            """;
        command.Parameters.AddWithValue("$session", SessionId);
        command.Parameters.AddWithValue("$order", order);
        command.Parameters.AddWithValue("$exercise", set.Exercise);
        command.Parameters.AddWithValue("$start", StoredTime.Milliseconds(set.Start));
        command.Parameters.AddWithValue("$end", StoredTime.Milliseconds(set.End));
        command.Parameters.AddWithValue("$startedAt", StoredTime.Iso(StoredTime.At(_startedAt, set.Start)));
        command.Parameters.AddWithValue("$endedAt", StoredTime.Iso(StoredTime.At(_startedAt, set.End)));
        command.Parameters.AddWithValue("$reps", set.Reps);
        command.Parameters.AddWithValue("$repTimes", StoredTime.RepTimes(set.RepTimes));
        command.Parameters.AddWithValue("$confidence", set.MeanConfidence);
        command.Parameters.AddWithValue("$hold", set.HoldDuration is { } hold ? StoredTime.Milliseconds(hold) : DBNull.Value);
        command.Parameters.AddWithValue("$status", status == SetStatus.Open ? "open" : "committed");
        command.Parameters.AddWithValue("$now", StoredTime.Milliseconds(_now));
        command.ExecuteNonQuery();
    }

    private void FlushTimeline(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR REPLACE INTO timeline (session_id, offset_ms, label, confidence) VALUES ($session, $offset, $label, $confidence);
            """;
        var session = command.Parameters.AddWithValue("$session", SessionId);
        var offset = command.Parameters.Add("$offset", SqliteType.Integer);
        var label = command.Parameters.Add("$label", SqliteType.Text);
        var confidence = command.Parameters.Add("$confidence", SqliteType.Real);
        foreach (var point in _pendingTimeline)
        {
            offset.Value = StoredTime.Milliseconds(point.Time);
            label.Value = point.Label;
            confidence.Value = point.Confidence;
            command.ExecuteNonQuery();
        }
        _pendingTimeline.Clear();
        using var duration = _connection.CreateCommand();
        duration.Transaction = transaction;
        duration.CommandText = "UPDATE sessions SET duration_ms = max(duration_ms, $now) WHERE id = $session";
        duration.Parameters.AddWithValue("$now", StoredTime.Milliseconds(_now));
        duration.Parameters.AddWithValue("$session", SessionId);
        duration.ExecuteNonQuery();
    }

    private long InsertGap(TimeSpan lost, TimeSpan? recovered, string reason) => Run(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO source_gaps (session_id, lost_ms, recovered_ms, reason) VALUES ($session, $lost, $recovered, $reason);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$session", SessionId);
        command.Parameters.AddWithValue("$lost", StoredTime.Milliseconds(lost));
        command.Parameters.AddWithValue("$recovered", recovered is { } r ? StoredTime.Milliseconds(r) : DBNull.Value);
        command.Parameters.AddWithValue("$reason", reason);
        return (long)command.ExecuteScalar()!;
    });

    private void RecordRecovery(SourceRecovered recovered)
    {
        if (_openGapId is not { } id)
        {
            InsertGap(recovered.Time - recovered.Gap, recovered.Time, "source lost");
            return;
        }
        _openGapId = null;
        Run(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE source_gaps SET recovered_ms = $recovered WHERE id = $id";
            command.Parameters.AddWithValue("$recovered", StoredTime.Milliseconds(recovered.Time));
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        });
    }

    private T Run<T>(Func<T> write)
    {
        try { return write(); }
        catch (SqliteException e) { throw SessionDatabase.Translate(e, _connection.DataSource); }
    }

    /// <summary>The set in progress: what SetStarted and the RepCounted events so far say about it.</summary>
    private sealed class OpenSet(int order, string exercise, TimeSpan start, double startConfidence)
    {
        private double _confidenceSum;
        private int _confidenceCount;

        public int Order { get; } = order;
        public string Exercise { get; } = exercise;
        public List<TimeSpan> RepTimes { get; } = [];

        public void AddConfidence(double confidence)
        {
            _confidenceSum += confidence;
            _confidenceCount++;
        }

        public (int Order, RecognizedSet Set) Snapshot(TimeSpan now)
        {
            var end = now > start ? now : start;
            double confidence = _confidenceCount > 0 ? _confidenceSum / _confidenceCount : startConfidence;
            TimeSpan? hold = ExerciseCatalog.IsStaticHold(Exercise) ? end - start : null;
            return (Order, new RecognizedSet(Exercise, start, end, RepTimes.Count, RepTimes.ToArray(), confidence, hold));
        }
    }
}
