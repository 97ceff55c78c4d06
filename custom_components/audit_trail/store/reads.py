"""Reads of the SQLite backend, each on its own read-only connection so the writer never waits."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from ..models import ET_CHECKPOINT, KIND_SYSTEM, Cause, Record, StoredRow, VerifyResult
from .base import StoreError
from .chain import row_hash
from .codec import expand_cause, unpack_delta, unpack_hex, unpack_ulid
from .schema import ROW_SELECT

# Longest causation chain followed: far beyond any real home (loops are impossible, as a row
# can only name an older row, but a bound keeps a corrupt store from looping a query).
MAX_CHAIN = 64
# Pooled read connections, over all threads and partitions, before the pool is emptied.
MAX_READERS = 64


# Times outside what a calendar month can name are clamped (a query may say "until forever").
_MAX_US = 253_402_300_799_000_000  # 9999-12-31T23:59:59Z


_MAX_YEAR = 9999
_month_cache: tuple[int, int, str] = (0, 0, "")


def month_of(time_us: int) -> str:
    """Return the partition key (YYYY-MM, UTC) of a time."""
    global _month_cache  # noqa: PLW0603 - a one-entry cache; the writer asks for every row
    first, end, month = _month_cache
    if first <= time_us < end:
        return month
    moment = datetime.fromtimestamp(min(max(time_us, 0), _MAX_US) / 1e6, UTC)
    month = moment.strftime("%Y-%m")
    if moment.year < _MAX_YEAR:
        start = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        following = (start + timedelta(days=32)).replace(day=1)
        _month_cache = (
            int(start.timestamp()) * 1_000_000,
            int(following.timestamp()) * 1_000_000,
            month,
        )
    return month


def month_start_us(month: str) -> int:
    """Return the first instant (UTC) of a partition's month (YYYY-MM)."""
    year, number = (int(part) for part in month.split("-"))
    return int(datetime(year, number, 1, tzinfo=UTC).timestamp()) * 1_000_000


def month_checkpoints(month: str, previous: Mapping[str, StoredRow]) -> list[Record]:
    """Return the checkpoints that open a month: every live entity's state, repeated.

    Stamped at the month's first instant, not at the row that opened it: a question about a
    quiet night after midnight on the 1st is answered from this month's checkpoints. True,
    since every earlier row of the chain belongs to an earlier month. Both backends write
    these same records, so a log copied from one to the other keeps every hash.
    """
    at = month_start_us(month)
    return [
        Record(
            ref=0,
            time_us=at,
            event_type=ET_CHECKPOINT,
            cause=Cause(kind=KIND_SYSTEM, reason="partition_start"),
            entity_id=row.entity_id,
            new_state=row.new_state,
            new_attributes=row.new_attributes,
            last_changed_us=row.last_changed_us,
            last_updated_us=row.last_updated_us,
            causation_seq=row.seq,
            payload={"partition": month},
        )
        for row in previous.values()
        if row.new_state is not None and row.entity_id is not None
    ]


def _loads(text: str | None) -> Any:  # noqa: ANN401
    return None if text is None else orjson.loads(text)


def _logical(row: Sequence[Any]) -> tuple[dict[str, Any], tuple[Any, ...]]:
    """Return a ROW_SELECT row's logical cause and the values its hash covers, in hash order."""
    seq, time_us, event_type, entity_id = row[0], row[1], row[2], row[3]
    updated = unpack_delta(row[11], time_us)
    changed = unpack_delta(row[10], updated if updated is not None else time_us)
    context_id, user_id, parent_id = unpack_ulid(row[12]), unpack_hex(row[13]), unpack_ulid(row[14])
    cause = {} if row[16] is None else expand_cause(orjson.loads(row[16]), context_id, parent_id)
    old_h, new_h = row[23], row[24]
    hashed = (
        seq,
        time_us,
        event_type,
        entity_id,
        row[4],
        row[5],
        row[6],
        entity_id.split(".", 1)[0] if entity_id else None,
        row[7],
        row[8],
        row[9],
        None if old_h is None else bytes(old_h).hex(),
        None if new_h is None else bytes(new_h).hex(),
        changed,
        updated,
        context_id,
        user_id,
        parent_id,
        row[15],
        row[16],
        row[17],
        row[18],
        row[19],
    )
    return cause, hashed


def decode_row(row: Sequence[Any]) -> StoredRow:
    """Build a StoredRow from a ROW_SELECT result.

    Written out rather than through _logical: a read decodes up to thousands of rows and needs
    neither the hash's view of them nor its tuple (measured: most of a 1,000-entity state_at).
    """
    time_us, entity_id, context_id, parent_id = row[1], row[3], row[12], row[14]
    updated = None if row[11] is None else row[11] + time_us
    if context_id is not None:
        context_id = unpack_ulid(context_id)
    if parent_id is not None:
        parent_id = unpack_ulid(parent_id)
    cause = {} if row[16] is None else expand_cause(_cause_json(row[16]), context_id, parent_id)
    return StoredRow(
        row[0],
        time_us,
        row[2],
        entity_id,
        row[4],
        row[5],
        row[6],
        entity_id.split(".", 1)[0] if entity_id else None,
        row[7],
        row[8],
        row[9],
        None if row[21] is None else orjson.loads(row[21]),
        None if row[22] is None else orjson.loads(row[22]),
        None if row[10] is None else row[10] + (time_us if updated is None else updated),
        updated,
        context_id,
        unpack_hex(row[13]),
        parent_id,
        cause,
        row[17],
        None if row[18] is None else orjson.loads(row[18]),
        row[19],
        bytes(row[20]),
    )


_CAUSES: dict[str, dict[str, Any]] = {}
_CAUSES_MAX = 4096  # distinct stored causes are few (they are interned); a bound all the same


def _cause_json(text: str) -> dict[str, Any]:
    """Return a stored cause parsed, from a small cache (expand_cause copies it)."""
    found = _CAUSES.get(text)
    if found is None:
        if len(_CAUSES) >= _CAUSES_MAX:
            _CAUSES.clear()
        found = _CAUSES[text] = orjson.loads(text)
    return found


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open a partition: read-only, or for writing (WAL, the one writer's settings)."""
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(uri, uri=readonly, isolation_level=None, check_same_thread=False)
    try:
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL survives a process crash; power loss may lose the last commits.
            conn.execute("PRAGMA synchronous=NORMAL")
            # The indexes of a month outgrow SQLite's default 2 MiB page cache within days;
            # past it every insert reads index pages back from the OS.
            conn.execute("PRAGMA cache_size=-32768")
        conn.execute("PRAGMA busy_timeout=10000")
    except BaseException:
        conn.close()
        raise
    return conn


class ReadMixin:
    """Queries over the monthly partitions of a store directory."""

    directory: Path

    def partition_paths(self) -> list[Path]:
        """Return the partition files, oldest first."""
        raise NotImplementedError

    # Read connections are kept per (thread, partition): opening one makes SQLite parse the
    # schema again, which was most of a one-entity state_at (measured: 0.6 of 0.85 ms).
    _pool: dict[tuple[int, Path], sqlite3.Connection]
    _busy: dict[tuple[int, Path], int]
    _doomed: set[tuple[int, Path]]
    _pool_lock: threading.Lock
    _first_seqs: dict[Path, int]
    _first_times: dict[Path, int]
    _pooling: bool
    _closes: int
    _walks: int
    _walks_done: threading.Condition

    def _init_reads(self) -> None:
        self._pool = {}
        self._busy = {}
        self._doomed = set()
        self._pool_lock = threading.Lock()
        self._first_seqs = {}
        self._first_times = {}
        self._pooling = False  # a closed store still answers, on one-off connections
        # close() stops the chain walks running at that moment and waits for them to end.
        self._closes = 0
        self._walks = 0
        self._walks_done = threading.Condition()

    @contextmanager
    def _read(self, path: Path) -> Iterator[sqlite3.Connection]:
        key = (threading.get_ident(), path)
        # Taking a connection and marking it busy happen under one lock, so close() never
        # closes it in between. Only this thread uses its key.
        with self._pool_lock:
            conn = self._pool.get(key)
            pooled = conn is not None
            if pooled:
                self._busy[key] = self._busy.get(key, 0) + 1
        if conn is None:
            conn = connect(path, readonly=True)
            with self._pool_lock:
                pooled = self._pooling  # a closed store reads on one-off connections
                if pooled:
                    if len(self._pool) >= MAX_READERS:
                        self._close_readers(None)
                    self._pool[key] = conn
                    self._busy[key] = 1
        try:
            yield conn
        except sqlite3.Error as err:
            if pooled:  # a file that changed under us (or broke): a fresh connection next time
                with self._pool_lock:
                    self._doomed.add(key)
            raise StoreError(f"reading {path.name}: {err}") from err
        finally:
            if pooled:
                with self._pool_lock:
                    self._busy[key] -= 1
                    if not self._busy[key]:
                        del self._busy[key]
                        if key in self._doomed:
                            self._doomed.discard(key)
                            self._pool.pop(key, None)
                            conn.close()
            else:
                conn.close()

    def _close_readers(self, path: Path | None) -> None:
        """Close the pooled read connections of one partition (or all); call with the lock.

        A connection another thread is reading with is closed when that read ends: closing
        it under a running statement would crash the interpreter.
        """
        for key in [k for k in self._pool if path is None or k[1] == path]:
            if key in self._busy:
                self._doomed.add(key)
            else:
                self._pool.pop(key).close()
        if path is None:
            self._first_seqs.clear()
            self._first_times.clear()
        else:
            self._first_seqs.pop(path, None)
            self._first_times.pop(path, None)

    def _partition_at(self, time_us: int) -> Path | None:
        """Return the newest partition whose month is not after the time's month."""
        month = month_of(time_us)
        found = [p for p in self.partition_paths() if p.stem.removeprefix("log-") <= month]
        return found[-1] if found else None

    def _partition_of_seq(self, seq: int) -> Path | None:
        found = None
        for path in self.partition_paths():
            first = self._first_seqs.get(path)
            if first is None:
                with self._read(path) as conn:
                    row = conn.execute("SELECT value FROM meta WHERE key = 'first_seq'").fetchone()
                if row is None:
                    continue
                first = self._first_seqs[path] = int(row[0])  # partition metadata is immutable
            if first <= seq:
                found = path
        return found

    def last_row(self) -> StoredRow | None:
        """Return the newest row."""
        for path in reversed(self.partition_paths()):
            with self._read(path) as conn:
                row = conn.execute(f"{ROW_SELECT} ORDER BY l.seq DESC LIMIT 1").fetchone()
            if row is not None:
                return decode_row(row)
        return None

    def latest_states(self) -> dict[str, StoredRow]:
        """Return the newest row of every entity in the newest partition (which checkpoints all)."""
        paths = self.partition_paths()
        if not paths:
            return {}
        with self._read(paths[-1]) as conn:
            rows = conn.execute(
                f"{ROW_SELECT} WHERE l.seq IN (SELECT seq FROM latest) ORDER BY l.seq"
            ).fetchall()
        return {r.entity_id: r for r in map(decode_row, rows) if r.entity_id is not None}

    def known_entities(self) -> set[str]:
        """Return every entity the newest partition knows (recorded or checkpointed)."""
        paths = self.partition_paths()
        return self._names_in(paths[-1]) if paths else set()

    def known(self, entity_ids: Sequence[str]) -> set[str]:
        """Return which of these entities any kept partition has rows of (removed ones too)."""
        wanted = orjson.dumps(list(entity_ids)).decode()
        found: set[str] = set()
        for path in reversed(self.partition_paths()):
            with self._read(path) as conn:
                found.update(
                    r[0]
                    for r in conn.execute(
                        "SELECT n.name FROM latest AS x JOIN names AS n ON n.id = x.entity"
                        " WHERE n.name IN (SELECT value FROM json_each(?))",
                        (wanted,),
                    )
                )
            if len(found) == len(set(entity_ids)):
                break
        return found

    def state_at(self, entity_ids: Sequence[str] | None, at_us: int) -> dict[str, StoredRow]:
        """Return each entity's newest row at or before a time, in one set-based statement.

        An entity T's partition has no row for before T is asked of the partition before it:
        stores written before checkpoints were stamped at the month's first instant have a
        stretch after midnight on the 1st that only the previous month answers.
        """
        paths = self.partition_paths()
        path = self._partition_at(at_us)
        if path is None:
            return {}
        found = self._state_at_in(path, entity_ids, at_us)
        if entity_ids is None:
            # The whole home: only a time before the month's first row (its checkpoints, in
            # stores written since they are stamped at the month's first instant) can leave
            # an entity unanswered, so only then is the month's entity list read.
            if at_us >= self._first_time(path):
                return found
            wanted = self._names_in(path)
        else:
            wanted = set(entity_ids)
        missing = sorted(wanted - found.keys())
        index = paths.index(path) if path in paths else 0
        if missing and index > 0:
            found.update(self._state_at_in(paths[index - 1], missing, at_us))
        return found

    def _first_time(self, path: Path) -> int:
        """Return the time of a partition's first row (its rows are immutable, so cached)."""
        first = self._first_times.get(path)
        if first is None:
            with self._read(path) as conn:
                row = conn.execute("SELECT time_us FROM log ORDER BY seq LIMIT 1").fetchone()
            if row is None:
                return _MAX_US  # an empty partition answers nothing
            first = self._first_times[path] = int(row[0])
        return first

    def _names_in(self, path: Path) -> set[str]:
        with self._read(path) as conn:
            return {
                r[0]
                for r in conn.execute(
                    "SELECT n.name FROM latest AS x JOIN names AS n ON n.id = x.entity"
                )
            }

    def _state_at_in(
        self, path: Path, entity_ids: Sequence[str] | None, at_us: int
    ) -> dict[str, StoredRow]:
        with self._read(path) as conn:
            wanted = (
                "SELECT n.id FROM names AS n JOIN json_each(?) AS j ON n.name = j.value"
                if entity_ids is not None
                else "SELECT entity AS id FROM latest WHERE ? IS NULL"
            )
            ids = None if entity_ids is None else orjson.dumps(list(entity_ids)).decode()
            rows = conn.execute(
                f"""{ROW_SELECT} WHERE l.seq IN (
                    SELECT (SELECT x.seq FROM log AS x
                            WHERE x.entity = ids.id AND x.time_us <= ?
                            ORDER BY x.time_us DESC, x.seq DESC LIMIT 1)
                    FROM ({wanted}) AS ids)""",
                (at_us, ids),
            ).fetchall()
        return {r.entity_id: r for r in map(decode_row, rows) if r.entity_id is not None}

    def history(
        self,
        entity_ids: Sequence[str] | None,
        start_us: int,
        end_us: int,
        event_types: Sequence[str] | None,
        after_seq: int,
        limit: int,
        actor: str | None = None,
        before_seq: int | None = None,
    ) -> list[StoredRow]:
        """Return rows in [start, end] after a seq cursor, oldest first, at most limit.

        With before_seq, the rows before that seq, newest first. Checkpoint rows repeat known
        states at a month's start; they are left out unless asked.
        """
        where = ["l.time_us BETWEEN ? AND ?", "l.seq > ?"]
        params: list[Any] = [start_us, end_us, after_seq]
        if before_seq is not None:
            where.append("l.seq < ?")
            params.append(before_seq)
        if entity_ids is not None:
            where.append(
                "l.entity IN (SELECT n.id FROM names AS n JOIN json_each(?) AS j"
                " ON n.name = j.value)"
            )
            params.append(orjson.dumps(list(entity_ids)).decode())
        if actor is not None:
            where.append("l.actor = (SELECT id FROM names WHERE name = ?)")
            params.append(actor)
        types = list(event_types) if event_types else None
        if types is not None:
            where.append(
                "l.event_type IN (SELECT n.id FROM names AS n JOIN json_each(?) AS j"
                " ON n.name = j.value)"
            )
            params.append(orjson.dumps(types).decode())
        else:
            where.append("l.event_type IS NOT (SELECT id FROM names WHERE name = ?)")
            params.append(ET_CHECKPOINT)
        first, last = month_of(start_us), month_of(end_us)
        paths = [
            p
            for p in self.partition_paths()
            if first <= p.stem.removeprefix("log-") <= last or p == self._partition_at(start_us)
        ]
        order = "DESC" if before_seq is not None else ""
        out: list[StoredRow] = []
        for path in reversed(paths) if order else paths:
            if len(out) >= limit:
                break
            with self._read(path) as conn:
                rows = conn.execute(
                    f"{ROW_SELECT} WHERE {' AND '.join(where)} ORDER BY l.seq {order} LIMIT ?",
                    (*params, limit - len(out)),
                ).fetchall()
            out.extend(map(decode_row, rows))
        return out

    def row(self, seq: int) -> StoredRow | None:
        """Return one row by seq."""
        path = self._partition_of_seq(seq)
        if path is None:
            return None
        with self._read(path) as conn:
            row = conn.execute(f"{ROW_SELECT} WHERE l.seq = ?", (seq,)).fetchone()
        return None if row is None else decode_row(row)

    def chain(self, seq: int) -> list[StoredRow]:
        """Return a row and its causes, effect first, with one recursive query per partition."""
        out: list[StoredRow] = []
        next_seq: int | None = seq
        while next_seq is not None and len(out) < MAX_CHAIN:
            path = self._partition_of_seq(next_seq)
            if path is None:
                break
            with self._read(path) as conn:
                rows = conn.execute(
                    f"""WITH RECURSIVE c(seq, depth) AS (
                          SELECT ?, 0
                          UNION ALL
                          SELECT l.causation_seq, c.depth + 1 FROM log AS l JOIN c ON l.seq = c.seq
                          WHERE l.causation_seq IS NOT NULL AND c.depth < ?)
                        {ROW_SELECT} JOIN c ON c.seq = l.seq ORDER BY c.depth""",
                    (next_seq, MAX_CHAIN),
                ).fetchall()
            if not rows:
                break
            found = [decode_row(r) for r in rows]
            out.extend(found)
            tail = found[-1].causation_seq
            next_seq = tail if tail is not None and tail < found[-1].seq else None
        return out[:MAX_CHAIN]

    def verify(self, from_seq: int | None = None) -> VerifyResult:
        """Walk the hash chain over every kept partition (or from a seq) and check each row."""
        checked = 0
        prev: bytes | None = None
        closes = self._closes
        with self._walks_done:
            self._walks += 1
        try:
            for path in self.partition_paths():
                with self._read(path) as conn:
                    result = _verify_partition(conn, prev, from_seq, lambda: self._closes != closes)
                if isinstance(result, VerifyResult):
                    return VerifyResult(
                        ok=False,
                        checked=checked + result.checked,
                        first_bad_seq=result.first_bad_seq,
                        reason=result.reason,
                    )
                prev, count = result
                checked += count
        finally:
            with self._walks_done:
                self._walks -= 1
                self._walks_done.notify_all()
        return VerifyResult(ok=True, checked=checked)

    def _stop_walks(self, timeout: float) -> None:
        """Stop the chain walks running now and wait (bounded) until they have let go."""
        with self._walks_done:
            self._closes += 1
            self._walks_done.wait_for(lambda: self._walks == 0, timeout)


def _verify_partition(  # noqa: C901, PLR0911 - one return per way a row can be bad
    conn: sqlite3.Connection,
    prev: bytes | None,
    from_seq: int | None,
    stopped: Callable[[], bool],
) -> tuple[bytes, int] | VerifyResult:
    """Check one partition; return (its last hash, rows checked) or the first failure."""
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if "first_seq" not in meta or "prev_hash" not in meta:
        first = conn.execute("SELECT min(seq) FROM log").fetchone()[0]
        return VerifyResult(
            ok=False, checked=0, first_bad_seq=first, reason="partition_metadata_missing"
        )
    first_seq = int(meta["first_seq"])
    anchor = bytes.fromhex(meta["prev_hash"])
    if prev is not None and anchor != prev:
        return VerifyResult(
            ok=False, checked=0, first_bad_seq=first_seq, reason="partition_link_broken"
        )
    bad_attrs = {
        bytes(h)
        for h, text in conn.execute("SELECT hash, json FROM attrs")
        if hashlib.sha256(text.encode()).digest() != bytes(h)
    }
    expected, start = first_seq, first_seq
    if from_seq is not None and from_seq > first_seq:
        before = conn.execute(
            "SELECT seq, hash FROM log WHERE seq < ? ORDER BY seq DESC LIMIT 1", (from_seq,)
        ).fetchone()
        if before is not None:
            anchor, expected, start = bytes(before[1]), before[0] + 1, before[0] + 1
    checked = 0
    for row in conn.execute(f"{ROW_SELECT} WHERE l.seq >= ? ORDER BY l.seq", (start,)):
        if stopped():
            raise StoreError("verification stopped: the store was closed")
        seq = row[0]
        if seq != expected:
            return VerifyResult(
                ok=False, checked=checked, first_bad_seq=expected, reason="row_missing"
            )
        old_h, new_h = row[23], row[24]
        if (old_h is not None and bytes(old_h) in bad_attrs) or (
            new_h is not None and bytes(new_h) in bad_attrs
        ):
            return VerifyResult(
                ok=False, checked=checked, first_bad_seq=seq, reason="attributes_altered"
            )
        if (row[25] is not None and old_h is None) or (row[26] is not None and new_h is None):
            return VerifyResult(
                ok=False, checked=checked, first_bad_seq=seq, reason="attributes_missing"
            )
        _, hashed = _logical(row)
        anchor = row_hash(anchor, hashed)
        if anchor != bytes(row[20]):
            return VerifyResult(
                ok=False, checked=checked, first_bad_seq=seq, reason="hash_mismatch"
            )
        expected += 1
        checked += 1
    return anchor, checked
