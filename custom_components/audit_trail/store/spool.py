"""The spool: a local SQLite file holding records the PostgreSQL server could not take yet.

Records are kept as the writer handed them (no seq: the server's store gives seq and hash
when a record is finally appended, so seq order stays capture order). The file is bounded in
rows and bytes; what does not fit is counted (a `Loss`, persisted here too) and becomes one
`gap` row once the server takes writes again. Every change commits with synchronous=FULL: a
restart, a crash or a power cut during an outage keeps what was spooled.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from ..models import ENTITY_EVENT_TYPES, Cause, EntityMeta, Record
from ..policy import Policy
from .base import StoreError, StoreFullError
from .chain import canonical_json, kept_attributes

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records ("
    " id INTEGER PRIMARY KEY, run INTEGER NOT NULL, size INTEGER NOT NULL, body BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # The newest state of each entity as Audit Trail last knew it, so a start during an
    # outage can tell restored states from changes (see SpoolingStore.latest_states).
    "CREATE TABLE IF NOT EXISTS known ("
    " entity TEXT PRIMARY KEY, state TEXT, time_us INTEGER NOT NULL, event_type TEXT NOT NULL)",
)
_RECORD_FIELDS = (
    "ref",
    "time_us",
    "event_type",
    "entity_id",
    "old_state",
    "new_state",
    "last_changed_us",
    "last_updated_us",
    "context_id",
    "context_user_id",
    "context_parent_id",
    "causation_seq",
    "causation_ref",
)
_LONG_NUMBER = re.compile(rb"\d{20}")
type Known = dict[str, tuple[str | None, int, str]]  # entity -> (state, time_us, event_type)


def _attrs(
    attributes: Mapping[str, Any] | None, entity_id: str | None, policy: Policy
) -> Mapping[str, Any] | None:
    """Filter an attribute set as the store would (filtering again later changes nothing)."""
    return None if attributes is None else kept_attributes(attributes, entity_id, policy)


def encode_record(record: Record, policy: Policy) -> bytes:
    """Return a record as JSON, its attribute sets filtered by the policy in force."""
    body: dict[str, Any] = {name: getattr(record, name) for name in _RECORD_FIELDS}
    cause = record.cause.as_dict()
    cause.pop("v", None)
    body["cause"] = cause
    meta = record.meta
    body["meta"] = [meta.registry_id, meta.device_id, meta.area_id, meta.platform]
    body["old_attributes"] = _attrs(record.old_attributes, record.entity_id, policy)
    body["new_attributes"] = _attrs(record.new_attributes, record.entity_id, policy)
    body["payload"] = record.payload
    return canonical_json(body)


def decode_record(body: bytes) -> Record:
    """Return the record a spooled body holds."""
    # orjson reads integers beyond 64 bits as floats: a body with such a long run of digits
    # (rare: canonical_json wrote it with the standard library) is read back by that too.
    data = json.loads(body) if _LONG_NUMBER.search(body) else orjson.loads(body)
    registry_id, device_id, area_id, platform = data["meta"]
    return Record(
        cause=Cause(**data["cause"]),
        meta=EntityMeta(registry_id, device_id, area_id, platform),
        old_attributes=data["old_attributes"],
        new_attributes=data["new_attributes"],
        payload=data["payload"],
        **{name: data[name] for name in _RECORD_FIELDS},
    )


@contextmanager
def _translate(what: str) -> Iterator[None]:
    """Turn the spool's SQLite errors into store errors."""
    try:
        yield
    except sqlite3.Error as err:
        if "full" in str(err).lower():
            raise StoreFullError(f"{what}: the disk is full") from err
        raise StoreError(f"{what}: {err}") from err


class Spool:
    """A bounded, durable queue of records in one SQLite file (thread-safe)."""

    def __init__(self, path: Path, max_rows: int, max_bytes: int) -> None:
        self.path = path
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.run = 0  # this start's number: refs of earlier starts are told apart by it
        self.rows = 0
        self.size = 0
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def open(self) -> None:
        """Open (or create) the file, count what it holds and number this start."""
        with self._lock, _translate("opening the spool"):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            for statement in _SCHEMA:
                conn.execute(statement)
            rows, size = conn.execute(
                "SELECT count(*), coalesce(sum(size), 0) FROM records"
            ).fetchone()
            self.rows, self.size = int(rows), int(size)
            self._conn = conn
            self.run = int(self._get("run") or 0) + 1
            self._set("run", str(self.run))

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the spool is not open")
        return self._conn

    def _get(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set(self, key: str, value: str | None) -> None:
        if value is None:
            self._db().execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._db().execute("REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def get(self, key: str) -> Any:  # noqa: ANN401 - JSON values of the spool's own keys
        """Return a JSON value kept under a key (None when absent)."""
        with self._lock, _translate("reading the spool"):
            text = self._get(key)
        return None if text is None else json.loads(text)

    def set(self, key: str, value: object) -> None:
        """Keep a JSON value under a key (None removes it)."""
        with self._lock, _translate("writing the spool"):
            self._set(key, None if value is None else json.dumps(value))

    def put(
        self, records: Sequence[Record], policy: Policy, head_seq: int, attempt: int | None
    ) -> list[Record]:
        """Spool records in one transaction; return those that did not fit.

        With `attempt` (the server's head before a failed append of exactly these records),
        the spool remembers that they may have reached the server after all: a commit whose
        answer was lost. The newest states and the last row are kept up to date with them.
        """
        rows: list[tuple[int, int, bytes]] = []
        rows_left, bytes_left = self.max_rows - self.rows, self.max_bytes - self.size
        refused: list[Record] = []
        for record in records:
            body = encode_record(record, policy)
            if refused or len(rows) >= rows_left or len(body) > bytes_left:
                refused.append(record)  # in order: nothing after a refused record is kept
                continue
            bytes_left -= len(body)
            rows.append((self.run, len(body), body))
        kept = records[: len(rows)]
        with self._lock, _translate("writing the spool"):
            conn = self._db()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT INTO records (run, size, body) VALUES (?, ?, ?)", rows)
                last = int(conn.execute("SELECT coalesce(max(id), 0) FROM records").fetchone()[0])
                if attempt is not None and rows:
                    self._set("attempt", json.dumps([attempt, last]))
                self._note(kept, head_seq + self.rows + len(rows))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self.rows += len(rows)
            self.size += sum(size for _, size, _ in rows)
        return refused

    def _note(self, records: Sequence[Record], last_seq: int) -> None:
        """Keep the newest states and the last row of spooled records (in a transaction)."""
        self._db().executemany(
            "REPLACE INTO known (entity, state, time_us, event_type) VALUES (?, ?, ?, ?)",
            [
                (r.entity_id, r.new_state, r.time_us, r.event_type)
                for r in records
                if r.entity_id is not None and r.event_type in ENTITY_EVENT_TYPES
            ],
        )
        if records:
            last = {"seq": last_seq, "time_us": records[-1].time_us}
            self._set("last", json.dumps({**last, "event_type": records[-1].event_type}))

    def peek(self, limit: int) -> list[tuple[int, int, Record]]:
        """Return the oldest spooled records as (id, run, record)."""
        with self._lock, _translate("reading the spool"):
            found = (
                self._db()
                .execute("SELECT id, run, body FROM records ORDER BY id LIMIT ?", (limit,))
                .fetchall()
            )
        return [(int(i), int(run), decode_record(bytes(body))) for i, run, body in found]

    def remove_through(self, last_id: int) -> None:
        """Forget the records up to an id (they are in the server's log now)."""
        with self._lock, _translate("writing the spool"):
            conn = self._db()
            rows, size = conn.execute(
                "SELECT count(*), coalesce(sum(size), 0) FROM records WHERE id <= ?", (last_id,)
            ).fetchone()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM records WHERE id <= ?", (last_id,))
            self._set("attempt", None)  # the records an attempt covered are accounted for
            conn.execute("COMMIT")
            self.rows -= int(rows)
            self.size -= int(size)

    def known(self) -> Known:
        """Return the saved newest state of each entity."""
        with self._lock, _translate("reading the spool"):
            found = self._db().execute("SELECT entity, state, time_us, event_type FROM known")
            return {str(e): (s, int(t), str(et)) for e, s, t, et in found}

    def save_known(self, known: Known) -> None:
        """Replace the saved newest states."""
        with self._lock, _translate("writing the spool"):
            conn = self._db()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM known")
            conn.executemany(
                "INSERT INTO known (entity, state, time_us, event_type) VALUES (?, ?, ?, ?)",
                [(e, *facts) for e, facts in known.items()],
            )
            conn.execute("COMMIT")
