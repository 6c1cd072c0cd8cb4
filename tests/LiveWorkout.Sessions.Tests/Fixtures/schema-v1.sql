CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT    NOT NULL,
    ended_at    TEXT,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    source      TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    device      TEXT    NOT NULL,
    notes       TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE sets (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    set_order       INTEGER NOT NULL,
    exercise        TEXT    NOT NULL,
    start_ms        INTEGER NOT NULL,
    end_ms          INTEGER NOT NULL,
    reps            INTEGER NOT NULL,
    rep_times_ms    TEXT    NOT NULL,
    mean_confidence REAL    NOT NULL,
    hold_ms         INTEGER,
    status          TEXT    NOT NULL CHECK (status IN ('open', 'committed')),
    UNIQUE (session_id, set_order)
);
CREATE TABLE timeline (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    offset_ms  INTEGER NOT NULL,
    label      TEXT    NOT NULL,
    confidence REAL    NOT NULL,
    PRIMARY KEY (session_id, offset_ms)
) WITHOUT ROWID;
CREATE TABLE source_gaps (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    lost_ms      INTEGER NOT NULL,
    recovered_ms INTEGER,
    reason       TEXT    NOT NULL
);
