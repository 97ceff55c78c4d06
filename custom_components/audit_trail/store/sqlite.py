"""The SQLite backend: one file per month, WAL, one writer connection, fresh read connections."""

from __future__ import annotations

import errno
import gzip
import shutil
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from ..const import MAX_ATTRIBUTES_BYTES, PAYLOAD_VERSION
from ..models import Record, StoreStats
from ..policy import Policy
from .aggregates import AggregateMixin
from .base import StoreError, StoreFullError
from .chain import GENESIS, canonical_json, encode_attributes, kept_attributes, row_hash
from .codec import compact_cause, pack_delta, pack_hex, pack_ulid
from .reads import connect, month_checkpoints, month_of
from .schema import LOG_COLUMNS, MAX_BOUND, ROWS_PER_INSERT, insert_many, migrate

PARTITION_GLOB = "log-????-??.db"
# Attribute-set ids remembered per partition: a home's distinct attribute sets in use at once.
ATTR_CACHE_MAX = 50_000
# Capture refs remembered to turn causation_ref into causation_seq: causes are seconds old, and
# this covers minutes of a busy home.
REF_CACHE_MAX = 100_000


@contextmanager
def translate_errors(what: str) -> Iterator[None]:
    """Turn driver errors into store errors, once, at this boundary."""
    try:
        yield
    except sqlite3.Error as err:
        if "full" in str(err).lower() or getattr(err, "sqlite_errorcode", 0) == 13:  # noqa: PLR2004
            raise StoreFullError(f"{what}: the disk is full") from err
        raise StoreError(f"{what}: {err}") from err
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise StoreFullError(f"{what}: the disk is full") from err
        raise StoreError(f"{what}: {err}") from err


_LATEST_UPSERT = " ON CONFLICT (entity) DO UPDATE SET seq = excluded.seq"


def _insert_rows(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    rows: Sequence[tuple[Any, ...]],
    upsert: str = "",
) -> None:
    """Insert rows with a few multi-row statements (see ROWS_PER_INSERT for why)."""
    step = min(ROWS_PER_INSERT, MAX_BOUND // len(columns))
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        flat = [value for row in chunk for value in row]
        conn.execute(insert_many(table, columns, len(chunk), upsert), flat)


class SqliteStore(AggregateMixin):
    """An append-only, hash-chained log in monthly SQLite files under one directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._init_reads()
        self._write: sqlite3.Connection | None = None
        self._write_month: str | None = None
        self._last_seq = 0
        self._last_hash = GENESIS
        self._attr_ids: dict[bytes, int] = {}
        # Ids of interned names, entity facts and causes in the write partition.
        self._name_ids: dict[str, int] = {}
        self._meta_ids: dict[tuple[str | None, ...], int] = {}
        self._cause_ids: dict[str, int] = {}
        self._ref_seq: OrderedDict[int, int] = OrderedDict()
        self._last_attrs: dict[str, tuple[Mapping[str, Any], int | None, str | None]] = {}
        self._lock = threading.Lock()  # guards the head (seq, hash) and the write connection

    # -- life cycle ------------------------------------------------------------------------
    def open(self) -> None:
        """Create the directory, migrate every partition and load the chain's head."""
        with translate_errors("opening the store"):
            self._pooling = True
            self.directory.mkdir(parents=True, exist_ok=True)
            for path in self.partition_paths():
                with closing(connect(path)) as conn:
                    migrate(conn)
            paths = self.partition_paths()
            if paths:
                self._open_write(paths[-1])
                row = (
                    self._write_conn()
                    .execute("SELECT seq, hash FROM log ORDER BY seq DESC LIMIT 1")
                    .fetchone()
                )
                if row:
                    self._last_seq, self._last_hash = int(row[0]), bytes(row[1])
                else:
                    self._last_seq = int(self._meta(self._write_conn(), "first_seq")) - 1
                    self._last_hash = bytes.fromhex(self._meta(self._write_conn(), "prev_hash"))

    def close(self) -> None:
        """Close the pooled read connections, then the write connection.

        The writer closes last: SQLite checkpoints the WAL into the file when the last
        connection closes, so a closed store is one file per month. A chain walk still
        running is stopped first (a whole walk of a large store takes minutes).
        """
        self._stop_walks(timeout=10)
        with self._pool_lock:
            self._pooling = False
            self._close_readers(None)
        with self._lock:
            if self._write is not None:
                self._write.close()
                self._write = None

    @property
    def last_seq(self) -> int:
        """Return the seq of the newest row (0 when empty)."""
        return self._last_seq

    # -- partitions ------------------------------------------------------------------------
    def partition_paths(self) -> list[Path]:
        """Return the partition files, oldest first."""
        return sorted(self.directory.glob(PARTITION_GLOB))

    def path_for(self, month: str) -> Path:
        """Return the file of a month's partition."""
        return self.directory / f"log-{month}.db"

    def _open_write(self, path: Path) -> None:
        if self._write is not None:
            self._write.close()
            self._write = None
        conn = connect(path)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        self._write = conn
        self._write_month = path.stem.removeprefix("log-")
        self._forget_ids()

    def _forget_ids(self) -> None:
        """Forget cached row ids (another partition, or a rolled-back transaction)."""
        self._attr_ids.clear()
        self._last_attrs.clear()
        self._name_ids.clear()
        self._meta_ids.clear()
        self._cause_ids.clear()

    def _write_conn(self) -> sqlite3.Connection:
        if self._write is None:
            raise StoreError("the store is not open for writing")
        return self._write

    @staticmethod
    def _meta(conn: sqlite3.Connection, key: str) -> str:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"partition metadata lacks {key}")
        return str(row[0])

    def _start_partition(self, month: str, time_us: int, policy: Policy) -> None:
        """Open a new month: anchor the chain, then checkpoint every live entity's state."""
        previous = self.latest_states() if self._write is not None else {}
        path = self.path_for(month)
        # Build the file's schema under another name first: readers list partitions by name and
        # must never open a file that has no tables yet.
        # Its metadata (where the chain continues) is in the file before readers can see it.
        tmp = path.with_suffix(".new")
        with closing(connect(tmp)) as conn:
            migrate(conn)
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("month", month),
                    ("first_seq", str(self._last_seq + 1)),
                    ("prev_hash", self._last_hash.hex()),
                    ("created_us", str(time_us)),
                ],
            )
            conn.execute("COMMIT")
        tmp.replace(path)
        self._open_write(path)
        conn = self._write_conn()
        conn.execute("BEGIN IMMEDIATE")
        checkpoints = month_checkpoints(month, previous)
        self._insert(conn, checkpoints, policy)
        conn.execute("COMMIT")

    # -- append ----------------------------------------------------------------------------
    def append(self, records: Sequence[Record], policy: Policy) -> list[int]:
        """Append records in one transaction per partition; return their seqs in order."""
        seqs: list[int] = []
        with self._lock, translate_errors("appending to the store"):
            start = 0
            while start < len(records):
                month = max(month_of(records[start].time_us), self._write_month or "")
                if month != self._write_month:
                    self._start_partition(month, records[start].time_us, policy)
                end = start
                while end < len(records) and month_of(records[end].time_us) <= month:
                    end += 1
                seqs.extend(self._append_batch(records[start:end], policy))
                start = end
        return seqs

    def _append_batch(self, records: Sequence[Record], policy: Policy) -> list[int]:
        conn = self._write_conn()
        head = (self._last_seq, self._last_hash)
        conn.execute("BEGIN IMMEDIATE")
        try:
            seqs = self._insert(conn, records, policy)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self._last_seq, self._last_hash = head
            self._forget_ids()  # ids inserted by the rolled-back transaction are gone
            raise
        return seqs

    def _insert(
        self, conn: sqlite3.Connection, records: Sequence[Record], policy: Policy
    ) -> list[int]:
        rows: list[tuple[Any, ...]] = []
        latest: dict[str, int] = {}
        seq, prev = self._last_seq, self._last_hash
        for record in records:
            seq += 1
            if record.ref:
                if len(self._ref_seq) >= REF_CACHE_MAX:
                    # popitem on an OrderedDict is O(1); deleting a plain dict's first key
                    # makes every later next(iter()) skip the dead slots (quadratic; measured).
                    self._ref_seq.popitem(last=False)
                self._ref_seq[record.ref] = seq
            causation = record.causation_seq
            if causation is None and record.causation_ref is not None:
                causation = self._ref_seq.get(record.causation_ref)
            hashed, stored = self._row_values(conn, seq, record, causation, policy)
            prev = row_hash(prev, hashed)
            rows.append((*stored, prev))
            if stored[3] is not None:
                latest[stored[3]] = seq
        _insert_rows(conn, "log", LOG_COLUMNS, rows)
        _insert_rows(conn, "latest", ("entity", "seq"), list(latest.items()), _LATEST_UPSERT)
        first = self._last_seq + 1
        self._last_seq, self._last_hash = seq, prev
        return list(range(first, seq + 1))

    def _attr_id(
        self,
        conn: sqlite3.Connection,
        attributes: Mapping[str, Any] | None,
        entity_id: str | None,
        policy: Policy,
    ) -> tuple[int | None, str | None]:
        """Store an attribute set once (by content hash); return its id and hash."""
        if attributes is None:
            return None, None
        # Home Assistant hands the same (read-only) mapping on while attributes do not change,
        # and a row's old attributes are the previous row's new ones: encoding and hashing them
        # again would be most of the writer's work.
        cached = None if entity_id is None else self._last_attrs.get(entity_id)
        if cached is not None and cached[0] is attributes:
            return cached[1], cached[2]
        result = self._encode_attr(conn, attributes, entity_id, policy)
        if entity_id is not None:
            self._last_attrs[entity_id] = (attributes, *result)
        return result

    def _encode_attr(
        self,
        conn: sqlite3.Connection,
        attributes: Mapping[str, Any],
        entity_id: str | None,
        policy: Policy,
    ) -> tuple[int | None, str | None]:
        kept = kept_attributes(attributes, entity_id, policy)
        if kept is None:
            return None, None
        text, digest = encode_attributes(kept, MAX_ATTRIBUTES_BYTES)
        attr_id = self._attr_ids.get(digest)
        if attr_id is None:
            attr_id = self._store_once(
                conn,
                self._attr_ids,
                digest,
                "attrs",
                ("hash", "json"),
                (digest, text.decode()),
                match=1,  # by content hash
            )
        return attr_id, digest.hex()

    @staticmethod
    def _store_once[K](
        conn: sqlite3.Connection,
        cache: dict[K, int],
        key: K,
        table: str,
        columns: tuple[str, ...],
        values: tuple[Any, ...],
        match: int | None = None,
    ) -> int:
        """Return the id of a row of a store-once table, inserting it first if new.

        The row is found by its first `match` columns (all by default); the caller has
        already missed its cache, which this fills.
        """
        match_columns = columns[:match]
        row = conn.execute(
            f"SELECT id FROM {table} WHERE {' AND '.join(f'{c} IS ?' for c in match_columns)}",
            values[:match],
        ).fetchone()
        found = int(
            row[0]
            if row is not None
            else conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                values,
            ).lastrowid
            or 0
        )
        if len(cache) >= ATTR_CACHE_MAX:
            cache.clear()
        cache[key] = found
        return found

    def _name_id(self, conn: sqlite3.Connection, name: str | None) -> int | None:
        """Intern a name (entity id, event type, actor) in the partition; return its id."""
        if name is None:
            return None
        found = self._name_ids.get(name)
        if found is None:
            found = self._store_once(conn, self._name_ids, name, "names", ("name",), (name,))
        return found

    def _meta_id(self, conn: sqlite3.Connection, meta: tuple[str | None, ...]) -> int | None:
        """Store an entity's registry facts once; return their id (None when there are none)."""
        if not any(meta):
            return None
        found = self._meta_ids.get(meta)
        if found is None:
            columns = ("registry_id", "device_id", "area_id", "platform")
            found = self._store_once(conn, self._meta_ids, meta, "metas", columns, meta)
        return found

    def _cause_id(self, conn: sqlite3.Connection, text: str) -> int:
        """Store a (compacted) cause once; return its id."""
        found = self._cause_ids.get(text)
        if found is None:
            found = self._store_once(conn, self._cause_ids, text, "causes", ("json",), (text,))
        return found

    def _row_values(
        self,
        conn: sqlite3.Connection,
        seq: int,
        record: Record,
        causation: int | None,
        policy: Policy,
    ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Return (the logical values the hash covers, the compact values stored) of a row."""
        old_id, old_hash = self._attr_id(conn, record.old_attributes, record.entity_id, policy)
        new_id, new_hash = self._attr_id(conn, record.new_attributes, record.entity_id, policy)
        meta = record.meta
        # The hash covers the cause as stored: without the copies of the row's context ids,
        # which it covers as columns; together they are the whole cause.
        cause_text = canonical_json(
            compact_cause(record.cause.as_dict(), record.context_id, record.context_parent_id)
        ).decode()
        payload = None if record.payload is None else canonical_json(record.payload).decode()
        actor = record.cause.actor
        time_us, changed, updated = record.time_us, record.last_changed_us, record.last_updated_us
        facts = (meta.registry_id, meta.device_id, meta.area_id, meta.platform)
        hashed = (
            seq,
            time_us,
            record.event_type,
            record.entity_id,
            *facts[:3],
            record.domain,
            facts[3],
            record.old_state,
            record.new_state,
            old_hash,
            new_hash,
            changed,
            updated,
            record.context_id,
            record.context_user_id,
            record.context_parent_id,
            actor,
            cause_text,
            causation,
            payload,
            PAYLOAD_VERSION,
        )
        stored = (
            seq,
            time_us,
            self._name_id(conn, record.event_type),
            self._name_id(conn, record.entity_id),
            self._meta_id(conn, facts),
            record.old_state,
            record.new_state,
            old_id,
            new_id,
            pack_delta(changed, updated if updated is not None else time_us),
            pack_delta(updated, time_us),
            pack_ulid(record.context_id),
            pack_hex(record.context_user_id),
            pack_ulid(record.context_parent_id),
            self._name_id(conn, actor),
            self._cause_id(conn, cause_text),
            causation,
            payload,
            PAYLOAD_VERSION,
        )
        return hashed, stored

    def seq_of_ref(self, ref: int) -> int | None:
        """Return the seq a recently written capture ref received."""
        return self._ref_seq.get(ref)

    # -- retention -------------------------------------------------------------------------
    def drop_partition(self, month: str, archive: bool) -> bool:
        """Drop one month's file in O(1), optionally compressing it into archive/ first."""
        path = self.path_for(month)
        with self._lock, translate_errors(f"dropping {month}"):
            if month == self._write_month or not path.exists():
                return False
            if archive:
                target = self.directory / "archive" / f"{path.name}.gz"
                target.parent.mkdir(exist_ok=True)
                with path.open("rb") as src, gzip.open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
            with self._pool_lock:
                self._close_readers(path)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return True

    def stats(self) -> StoreStats:
        """Return row count, head, oldest time, size on disk and partitions."""
        paths = self.partition_paths()
        size = sum(p.stat().st_size for p in self.directory.glob("log-*.db*"))
        oldest = None
        rows = 0
        with translate_errors("reading statistics"):
            for index, path in enumerate(paths):
                with closing(connect(path, readonly=True)) as conn:
                    first, last, first_time = conn.execute(
                        "SELECT min(seq), max(seq), min(time_us) FROM log"
                    ).fetchone()
                    if first is not None:
                        rows += last - first + 1
                        if index == 0 or oldest is None:
                            oldest = first_time
        return StoreStats(
            rows=rows,
            last_seq=self._last_seq,
            oldest_time_us=oldest,
            size_bytes=size,
            partitions=tuple(p.stem.removeprefix("log-") for p in paths),
        )
