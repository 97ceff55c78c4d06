"""Pure: the SQLite schema of one partition, its invariants as triggers, and its migrations."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Final

SCHEMA_VERSION: Final = 1

# The logical fields of a row, in hash order: the chain covers exactly these values (attribute
# sets by their content hash, the cause as stored, i.e. without the copies of the row's context
# ids it covers anyway), whatever compact form the columns store them in.
HASHED_FIELDS: Final = (
    "seq",
    "time_us",
    "event_type",
    "entity_id",
    "registry_id",
    "device_id",
    "area_id",
    "domain",
    "platform",
    "old_state",
    "new_state",
    "old_attrs",
    "new_attrs",
    "last_changed_us",
    "last_updated_us",
    "context_id",
    "context_user_id",
    "context_parent_id",
    "actor",
    "cause",
    "causation_seq",
    "payload",
    "v",
)

# Stored columns of the log table. Rows are kept small (the log is the biggest thing we write):
# repeated text (entity ids, event types, actors), entity registry facts, causes and attribute
# sets live once in their own append-only tables and rows name them by integer id; context ids
# are 16-byte blobs when they are ULIDs; times are deltas, so the common "same as the row's
# time" costs no bytes.
LOG_COLUMNS: Final = (
    "seq",
    "time_us",
    "event_type",
    "entity",
    "meta",
    "old_state",
    "new_state",
    "old_attrs",
    "new_attrs",
    "last_changed_d",
    "last_updated_d",
    "context_id",
    "context_user_id",
    "context_parent_id",
    "actor",
    "cause",
    "causation_seq",
    "payload",
    "v",
    "hash",
)

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- Interned text: entity ids, event types and actors.
CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
-- Entity registry facts at capture time (registry id survives renames).
CREATE TABLE metas (
    id INTEGER PRIMARY KEY,
    registry_id TEXT,
    device_id TEXT,
    area_id TEXT,
    platform TEXT
);
-- Causes without the row's own context ids (those are columns of the row).
CREATE TABLE causes (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE);
CREATE TABLE attrs (
    id INTEGER PRIMARY KEY,
    hash BLOB NOT NULL UNIQUE,
    json TEXT NOT NULL
);
CREATE TABLE log (
    seq INTEGER PRIMARY KEY,
    time_us INTEGER NOT NULL,
    event_type INTEGER NOT NULL REFERENCES names (id),
    entity INTEGER REFERENCES names (id),
    meta INTEGER REFERENCES metas (id),
    old_state TEXT,
    new_state TEXT,
    old_attrs INTEGER REFERENCES attrs (id),
    new_attrs INTEGER REFERENCES attrs (id),
    last_changed_d INTEGER, -- last_changed minus last_updated (or minus time_us without one)
    last_updated_d INTEGER, -- last_updated minus time_us
    context_id,             -- 16-byte ULID blob, or the text when it is not a ULID
    context_user_id,        -- 16-byte uuid blob, or the text when it is not a uuid hex
    context_parent_id,
    actor INTEGER REFERENCES names (id),
    cause INTEGER NOT NULL REFERENCES causes (id),
    causation_seq INTEGER,
    payload TEXT,
    v INTEGER NOT NULL,
    hash BLOB NOT NULL
);
CREATE INDEX log_entity_time ON log (entity, time_us) WHERE entity IS NOT NULL;
CREATE INDEX log_actor_time ON log (actor, time_us) WHERE actor IS NOT NULL;
CREATE INDEX log_context ON log (context_id) WHERE context_id IS NOT NULL;
CREATE INDEX log_time ON log (time_us);

-- The projection: each entity's newest seq. Derived from the log, so it may be rewritten.
CREATE TABLE latest (entity INTEGER PRIMARY KEY, seq INTEGER NOT NULL);

-- Invariants, enforced by the database itself and not only by our code.
CREATE TRIGGER log_no_update BEFORE UPDATE ON log
BEGIN SELECT RAISE(ABORT, 'audit_trail: log rows are append-only'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log
BEGIN SELECT RAISE(ABORT, 'audit_trail: log rows are append-only'); END;
CREATE TRIGGER log_seq_increases BEFORE INSERT ON log
WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM log)
BEGIN SELECT RAISE(ABORT, 'audit_trail: seq must increase'); END;
"""
_V1 += "".join(
    f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, 'audit_trail: {table} rows are append-only'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, 'audit_trail: {table} rows are append-only'); END;
"""
    for table in ("attrs", "meta", "names", "metas", "causes")
)

# Ordered migrations: index i moves a partition from version i to i + 1, in one transaction.
# A migration never rewrites log rows: it may only add tables, columns and indexes.
MIGRATIONS: Final[tuple[str, ...]] = (_V1,)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring a partition to SCHEMA_VERSION, each step in its own transaction; return the old one."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"partition schema {version} is newer than this Audit Trail ({SCHEMA_VERSION})"
        )
    for step in range(version, SCHEMA_VERSION):
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;{MIGRATIONS[step]};PRAGMA user_version = {step + 1};COMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return int(version)


# Columns of ROW_SELECT, by position (decode_row and verify read them).
ROW_SELECT: Final = """
SELECT l.seq, l.time_us, et.name, en.name, m.registry_id, m.device_id, m.area_id, m.platform,
       l.old_state, l.new_state, l.last_changed_d, l.last_updated_d,
       l.context_id, l.context_user_id, l.context_parent_id, ac.name, c.json, l.causation_seq,
       l.payload, l.v, l.hash, a1.json, a2.json, a1.hash, a2.hash, l.old_attrs, l.new_attrs,
       l.meta, l.cause
FROM log AS l
LEFT JOIN names AS et ON et.id = l.event_type
LEFT JOIN names AS en ON en.id = l.entity
LEFT JOIN metas AS m ON m.id = l.meta
LEFT JOIN names AS ac ON ac.id = l.actor
LEFT JOIN causes AS c ON c.id = l.cause
LEFT JOIN attrs AS a1 ON a1.id = l.old_attrs
LEFT JOIN attrs AS a2 ON a2.id = l.new_attrs
"""

# Bound values SQLite accepts in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
MAX_BOUND: Final = 32_766
# Rows per multi-row INSERT: one statement is one sqlite3_step, so the writer thread gives the
# GIL up (and waits to get it back from a busy event loop) once per chunk, not once per row.
# Measured: beside a thread that keeps the GIL busy, per-row inserts ran at about a quarter of
# their idle speed (the "convoy" of GIL hand-offs).
ROWS_PER_INSERT: Final = min(500, MAX_BOUND // len(LOG_COLUMNS))


@lru_cache(maxsize=8)
def insert_many(table: str, columns: tuple[str, ...], rows: int, upsert: str = "") -> str:
    """Return an INSERT of `rows` rows of `columns` in one statement."""
    one = f"({', '.join('?' for _ in columns)})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * rows)}{upsert}"
