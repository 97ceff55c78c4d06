"""Pure: the SQLite schema of one partition, its invariants as triggers, and its migrations."""

from __future__ import annotations

import sqlite3
from typing import Final

SCHEMA_VERSION: Final = 1

# Columns of the log table in hash order: the chain covers exactly these stored values.
LOG_COLUMNS: Final = (
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

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE attrs (
    id INTEGER PRIMARY KEY,
    hash BLOB NOT NULL UNIQUE,
    json TEXT NOT NULL
);
CREATE TABLE log (
    seq INTEGER PRIMARY KEY,
    time_us INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    entity_id TEXT,
    registry_id TEXT,
    device_id TEXT,
    area_id TEXT,
    domain TEXT,
    platform TEXT,
    old_state TEXT,
    new_state TEXT,
    old_attrs INTEGER REFERENCES attrs (id),
    new_attrs INTEGER REFERENCES attrs (id),
    last_changed_us INTEGER,
    last_updated_us INTEGER,
    context_id TEXT,
    context_user_id TEXT,
    context_parent_id TEXT,
    actor TEXT,
    cause TEXT NOT NULL,
    causation_seq INTEGER,
    payload TEXT,
    v INTEGER NOT NULL,
    hash BLOB NOT NULL
);
CREATE INDEX log_entity_time ON log (entity_id, time_us) WHERE entity_id IS NOT NULL;
CREATE INDEX log_actor_time ON log (actor, time_us) WHERE actor IS NOT NULL;
CREATE INDEX log_context ON log (context_id) WHERE context_id IS NOT NULL;
CREATE INDEX log_time ON log (time_us);

-- The projection: each entity's newest seq. Derived from the log, so it may be rewritten.
CREATE TABLE latest (entity_id TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;

-- Invariants, enforced by the database itself and not only by our code.
CREATE TRIGGER log_no_update BEFORE UPDATE ON log
BEGIN SELECT RAISE(ABORT, 'audit_trail: log rows are append-only'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log
BEGIN SELECT RAISE(ABORT, 'audit_trail: log rows are append-only'); END;
CREATE TRIGGER log_seq_increases BEFORE INSERT ON log
WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM log)
BEGIN SELECT RAISE(ABORT, 'audit_trail: seq must increase'); END;
CREATE TRIGGER attrs_no_update BEFORE UPDATE ON attrs
BEGIN SELECT RAISE(ABORT, 'audit_trail: attribute sets are append-only'); END;
CREATE TRIGGER attrs_no_delete BEFORE DELETE ON attrs
BEGIN SELECT RAISE(ABORT, 'audit_trail: attribute sets are append-only'); END;
CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta
BEGIN SELECT RAISE(ABORT, 'audit_trail: partition metadata is append-only'); END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
BEGIN SELECT RAISE(ABORT, 'audit_trail: partition metadata is append-only'); END;
"""

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


ROW_SELECT: Final = f"""
SELECT {", ".join("l." + c for c in LOG_COLUMNS)}, l.hash,
       a1.json, a2.json, a1.hash, a2.hash
FROM log AS l
LEFT JOIN attrs AS a1 ON a1.id = l.old_attrs
LEFT JOIN attrs AS a2 ON a2.id = l.new_attrs
"""

INSERT_LOG: Final = (
    f"INSERT INTO log ({', '.join(LOG_COLUMNS)}, hash) "
    f"VALUES ({', '.join('?' for _ in LOG_COLUMNS)}, ?)"
)
