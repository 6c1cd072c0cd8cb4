using Microsoft.Data.Sqlite;

namespace LiveWorkout.Sessions.Storage;

/// <summary>Reads one session's rows into <see cref="SessionLog"/> (sets through the effective_sets view).</summary>
internal static class SessionRows
{
    public static SessionLog? Load(SqliteConnection connection, long id, bool includeTimeline)
    {
        var session = LoadSession(connection, id);
        if (session is null) return null;
        return new SessionLog(session, LoadSets(connection, session), LoadGaps(connection, id),
            includeTimeline ? LoadTimeline(connection, id) : []);
    }

    private static StoredSession? LoadSession(SqliteConnection connection, long id)
    {
        using var command = Command(connection, "SELECT id, started_at, ended_at, duration_ms, source, model, device, notes, source_problem FROM sessions WHERE id = $id", id);
        using var r = command.ExecuteReader();
        if (!r.Read()) return null;
        return new StoredSession(r.GetInt64(0), StoredTime.ParseIso(r.GetString(1)), r.IsDBNull(2) ? null : StoredTime.ParseIso(r.GetString(2)),
            StoredTime.FromMilliseconds(r.GetInt64(3)), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
            r.IsDBNull(8) ? null : r.GetString(8));
    }

    private static List<StoredSet> LoadSets(SqliteConnection connection, StoredSession session)
    {
        using var command = Command(connection, """
            SELECT id, set_order, effective_exercise, effective_reps, start_ms, end_ms, started_at, ended_at,
                   rep_times_ms, mean_confidence, hold_ms, status, exercise, reps, corrected,
                   weight_kg, rpe, set_notes
            FROM effective_sets WHERE session_id = $id ORDER BY set_order
            """, session.Id);
        using var r = command.ExecuteReader();
        var sets = new List<StoredSet>();
        while (r.Read())
        {
            var start = StoredTime.FromMilliseconds(r.GetInt64(4));
            var end = StoredTime.FromMilliseconds(r.GetInt64(5));
            sets.Add(new StoredSet(
                r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), start, end,
                r.IsDBNull(6) ? StoredTime.At(session.StartedAt, start) : StoredTime.ParseIso(r.GetString(6)),
                r.IsDBNull(7) ? StoredTime.At(session.StartedAt, end) : StoredTime.ParseIso(r.GetString(7)),
                StoredTime.ParseRepTimes(r.GetString(8)), r.GetDouble(9),
                r.IsDBNull(10) ? null : StoredTime.FromMilliseconds(r.GetInt64(10)),
                r.GetString(11) == "open" ? SetStatus.Open : SetStatus.Committed,
                r.GetString(12), r.GetInt32(13), r.GetBoolean(14),
                r.IsDBNull(15) ? null : r.GetDouble(15), r.IsDBNull(16) ? null : r.GetDouble(16), r.GetString(17)));
        }
        return sets;
    }

    private static List<SourceGap> LoadGaps(SqliteConnection connection, long id)
    {
        using var command = Command(connection, "SELECT lost_ms, recovered_ms, reason FROM source_gaps WHERE session_id = $id ORDER BY lost_ms, id", id);
        using var r = command.ExecuteReader();
        var gaps = new List<SourceGap>();
        while (r.Read())
            gaps.Add(new SourceGap(StoredTime.FromMilliseconds(r.GetInt64(0)), r.IsDBNull(1) ? null : StoredTime.FromMilliseconds(r.GetInt64(1)), r.GetString(2)));
        return gaps;
    }

    private static List<TimelinePoint> LoadTimeline(SqliteConnection connection, long id)
    {
        using var command = Command(connection, "SELECT offset_ms, label, confidence FROM timeline WHERE session_id = $id ORDER BY offset_ms", id);
        using var r = command.ExecuteReader();
        var points = new List<TimelinePoint>();
        while (r.Read()) points.Add(new TimelinePoint(StoredTime.FromMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetDouble(2)));
        return points;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, long id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return command;
    }
}
