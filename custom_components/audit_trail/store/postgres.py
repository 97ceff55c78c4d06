"""The PostgreSQL backend: one partitioned log shared by instances, one writer connection each."""

from __future__ import annotations

import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from ..models import Record, StoreStats, VerifyResult
from ..policy import Policy
from .base import StoreError
from .chain import GENESIS, row_hash
from .pg_cache import SideCache
from .pg_migrate import ensure_schema
from .pg_pool import ReadPool, connect, translate_errors
from .pg_reads import Month, PgReadMixin, month_floor_us
from .pg_schema import row_select
from .pg_verify import walk
from .pg_write import INSERT_MODES, PgWriteMixin, _Batch
from .reads import month_checkpoints, month_of

# Months whose partitions are made before a row needs them, so a rollover never waits on DDL.
MONTHS_AHEAD = 2

_LATEST = (
    "INSERT INTO latest (instance, entity, seq, time_us) SELECT %s, * FROM unnest(%s::bigint[],"
    " %s::bigint[], %s::bigint[]) ON CONFLICT (instance, entity)"
    " DO UPDATE SET seq = EXCLUDED.seq, time_us = EXCLUDED.time_us"
)


def months_after(month: str, count: int) -> list[str]:
    """Return a month and the `count` months after it (YYYY-MM)."""
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + number - 1
    return [f"{(index + i) // 12:04d}-{(index + i) % 12 + 1:02d}" for i in range(count + 1)]


class PostgresStore(PgWriteMixin, PgReadMixin):
    """An append-only, hash-chained log of one instance in a shared PostgreSQL database."""

    def __init__(
        self,
        url: str,
        instance: str = "default",
        owner_url: str | None = None,
        archive_dir: Path | None = None,
        insert_mode: str = "copy",
    ) -> None:
        if insert_mode not in INSERT_MODES:
            raise ValueError(f"insert_mode must be one of {INSERT_MODES}")
        self.url, self.instance, self.owner_url = url, instance, owner_url
        self.archive_dir, self.insert_mode = archive_dir, insert_mode
        self.read_only = False
        self._views: dict[str, PostgresStore] = {}
        self._pool = ReadPool(url)
        self._side = SideCache(instance)
        self._write: psycopg.Connection[tuple[Any, ...]] | None = None
        self._lock = threading.Lock()  # guards the head (seq, hash) and the write connection
        self._last_seq, self._last_hash = 0, GENESIS
        self._month_list: list[Month] = []
        self._partitions: set[str] = set()
        self._first_times: dict[str, int] = {}
        self._ids: dict[str, dict[Any, int]] = {
            t: {} for t in ("names", "metas", "causes", "attrs")
        }
        self._last_attrs: dict[str, tuple[Mapping[str, Any], bytes | None, bytes]] = {}
        self._ref_seq: OrderedDict[int, int] = OrderedDict()
        self._closes, self._walks = 0, 0
        self._walks_done = threading.Condition()

    # -- life cycle ------------------------------------------------------------------------
    def open(self) -> None:
        """Migrate the schema if it is not current (as the owner role), then load the head."""
        with translate_errors("opening the store"):
            conn = connect(self.url, autocommit=True)
            try:
                ensure_schema(conn, self.owner_url)
                self._load(conn)
                self._ensure_partitions(
                    conn, months_after(month_of(int(time.time() * 1e6)), MONTHS_AHEAD)
                )
            except BaseException:
                conn.close()
                raise
            with self._lock:
                self._write = conn
            self._pool.start()

    def view(self, instance: str) -> PostgresStore:
        """Return a read-only store of another instance in the same database (for admins).

        Kept once opened (its pool is reused by the next question) and closed with this store.
        """
        with self._lock:
            other = self._views.get(instance)
        if other is not None:
            return other
        other = PostgresStore(self.url, instance)
        other.read_only = True
        with translate_errors("opening another instance"), other._pool.connection() as conn:
            other._load(conn)
        other._pool.start()
        with self._lock:
            kept = self._views.setdefault(instance, other)
        if kept is not other:  # another thread opened it meanwhile
            other.close()
        return kept

    def _load(self, conn: psycopg.Connection[tuple[Any, ...]]) -> None:
        """Read the kept months, the partitions and the chain's head."""
        self._month_list = self._read_months(conn)
        self._partitions = {
            str(r[0])[4:].replace("_", "-")
            for r in conn.execute(
                "SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid"
                " WHERE i.inhparent = 'log'::regclass"
            )
        }
        row = conn.execute(
            "SELECT seq, hash FROM log WHERE instance = %s ORDER BY seq DESC LIMIT 1",
            (self.instance,),
        ).fetchone()
        if row is not None:
            self._last_seq, self._last_hash = int(row[0]), bytes(row[1])
        elif self._month_list:
            newest = self._month_list[-1]
            self._last_seq, self._last_hash = newest.first_seq - 1, newest.prev_hash
        else:
            self._last_seq, self._last_hash = 0, GENESIS

    def _read_months(self, conn: psycopg.Connection[tuple[Any, ...]]) -> list[Month]:
        return [
            Month(str(m), int(f), bytes(p))
            for m, f, p in conn.execute(
                "SELECT month, first_seq, prev_hash FROM months AS m WHERE instance = %s"
                " AND NOT EXISTS (SELECT 1 FROM releases AS r"
                "  WHERE r.instance = m.instance AND r.month = m.month) ORDER BY month",
                (self.instance,),
            )
        ]

    def _months(self) -> list[Month]:
        """Return the kept months: the writer's own list, or read afresh for a view."""
        if not self.read_only:
            return self._month_list
        with self._read("reading the kept months") as conn:
            return self._read_months(conn)

    def close(self) -> None:
        """Stop running chain walks, close the read connections, then the write connection."""
        with self._lock:
            views, self._views = list(self._views.values()), {}
        for other in views:
            other.close()
        with self._walks_done:
            self._closes += 1
            self._walks_done.wait_for(lambda: self._walks == 0, 10)
        self._pool.close()
        with self._lock:
            if self._write is not None:
                self._write.close()
                self._write = None

    @property
    def last_seq(self) -> int:
        """Return the seq of the newest row (0 when empty)."""
        return self._last_seq

    def _write_conn(self) -> psycopg.Connection[tuple[Any, ...]]:
        """Return the write connection; one the server dropped is opened again.

        Whether the last commit before a drop took is unknown, so the head is read back from
        the database, never kept from memory. Call with the lock held.
        """
        if self._write is None or self.read_only:
            raise StoreError("the store is not open for writing")
        if self._write.broken or self._write.closed:
            self._write.close()
            self._write = connect(self.url, autocommit=True)
            self._load(self._write)
            self._forget_ids()
        return self._write

    def _ensure_partitions(
        self, conn: psycopg.Connection[tuple[Any, ...]], months: Iterable[str]
    ) -> None:
        """Create the partitions of these months if missing (a SECURITY DEFINER function)."""
        for month in sorted(set(months) - self._partitions):
            conn.execute("SELECT audit_trail_create_month(%s)", (month,))
            self._partitions.add(month)

    # -- append ----------------------------------------------------------------------------
    def append(self, records: Sequence[Record], policy: Policy) -> list[int]:
        """Append records in one transaction per month; return their seqs in order."""
        seqs: list[int] = []
        with self._lock, translate_errors("appending to the store"):
            conn = self._write_conn()
            start = 0
            write_month = self._month_list[-1].month if self._month_list else ""
            while start < len(records):
                month = max(month_of(records[start].time_us), write_month)
                if month != write_month:
                    self._start_month(conn, month, records[start].time_us, policy)
                    write_month = month
                end = start
                while end < len(records) and month_of(records[end].time_us) <= month:
                    end += 1
                seqs.extend(self._append_batch(conn, records[start:end], policy))
                start = end
        return seqs

    def _start_month(
        self, conn: psycopg.Connection[tuple[Any, ...]], month: str, time_us: int, policy: Policy
    ) -> None:
        """Open a month: record where the chain continues, then checkpoint every live entity."""
        previous = self.latest_states() if self._month_list else {}
        self._ensure_partitions(conn, months_after(month, MONTHS_AHEAD))
        checkpoints = month_checkpoints(month, previous)
        first = Month(month, self._last_seq + 1, self._last_hash)

        def work() -> None:
            conn.execute(
                "INSERT INTO months (instance, month, first_seq, prev_hash, created_us)"
                " VALUES (%s, %s, %s, %s, %s)",
                (self.instance, *first, time_us),
            )
            self._insert(conn, checkpoints, policy)

        self._guarded(conn, work)
        self._month_list.append(first)

    def _append_batch(
        self, conn: psycopg.Connection[tuple[Any, ...]], records: Sequence[Record], policy: Policy
    ) -> list[int]:
        self._ensure_partitions(conn, {month_of(r.time_us) for r in records})
        first = self._last_seq + 1
        self._guarded(conn, lambda: self._insert(conn, records, policy))
        return list(range(first, self._last_seq + 1))

    def _guarded(self, conn: psycopg.Connection[tuple[Any, ...]], work: Callable[[], None]) -> None:
        """Run work in one transaction; on failure put the head back and forget cached ids."""
        head = (self._last_seq, self._last_hash)
        try:
            with conn.transaction():
                work()
        except BaseException:
            self._last_seq, self._last_hash = head
            self._forget_ids()  # ids the rolled-back transaction made are gone
            raise

    def _forget_ids(self) -> None:
        """Forget cached store-once ids (a rolled-back transaction, or a new connection)."""
        for ids in self._ids.values():
            ids.clear()
        self._last_attrs.clear()

    def _insert(
        self, conn: psycopg.Connection[tuple[Any, ...]], records: Sequence[Record], policy: Policy
    ) -> None:
        """Hash the records onto the chain, intern what they name, then write them at once."""
        if not records:
            return
        batch = _Batch()
        seq, prev = self._last_seq, self._last_hash
        pending = []
        for record in records:
            seq += 1
            causation = self._causation(record, seq)
            values = self._values(record, causation, policy, batch)
            prev = row_hash(prev, (seq, *values[0]))
            pending.append((seq, record, values[1], prev))
        self._intern(conn, batch)
        rows = [self._stored(seq, record, keys, digest) for seq, record, keys, digest in pending]
        self._write_rows(conn, rows)
        latest = {row[4]: (row[1], row[2]) for row in rows if row[4] is not None}
        seqs, times = zip(*latest.values(), strict=True) if latest else ((), ())
        conn.execute(_LATEST, (self.instance, list(latest), list(seqs), list(times)))
        floor = month_floor_us(self._month_list[0].month) if self._month_list else 0
        late = [(self.instance, row[1], row[-1]) for row in rows if row[2] < floor]
        if late:  # a row older than every kept month: verify steps over it from here
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO bridges VALUES (%s, %s, %s)", late)
        self._last_seq, self._last_hash = seq, prev

    def seq_of_ref(self, ref: int) -> int | None:
        """Return the seq a recently written capture ref received."""
        return self._ref_seq.get(ref)

    # -- verify, retention, figures --------------------------------------------------------
    def verify(self, from_seq: int | None = None) -> VerifyResult:
        """Walk the instance's hash chain over every kept month (or from a seq)."""
        closes = self._closes
        with self._walks_done:
            self._walks += 1
        try:
            with self._read("verifying the chain") as conn:
                return walk(
                    conn, self.instance, self._months(), self._floor_us(), from_seq,
                    lambda: self._closes != closes,
                )  # fmt: skip
        finally:
            with self._walks_done:
                self._walks -= 1
                self._walks_done.notify_all()

    def drop_partition(self, month: str, archive: bool) -> bool:
        """Let go of the oldest kept month (archiving its rows first if asked); True if done.

        The month's partition is detached and dropped once no instance keeps it; a month that
        is not the oldest kept one, or is being written, is not dropped.
        """
        with self._lock, translate_errors(f"dropping {month}"):
            conn = self._write_conn()
            months = self._month_list
            if len(months) < 2 or months[0].month != month:  # noqa: PLR2004
                return False
            kept_from = month_floor_us(months[1].month)
            if archive:
                self._archive(conn, month, kept_from)
            with conn.transaction():
                conn.execute(
                    "INSERT INTO releases (instance, month, released_us) VALUES (%s, %s, %s)",
                    (self.instance, month, int(time.time() * 1e6)),
                )
                # Late rows (older by time than their seq's month) leave the kept range too:
                # their hashes let verify continue after them.
                conn.execute(
                    "INSERT INTO bridges SELECT instance, seq, hash FROM log WHERE instance = %s"
                    " AND time_us < %s AND seq >= %s ON CONFLICT DO NOTHING",
                    (self.instance, kept_from, months[1].first_seq),
                )
            dropped = conn.execute("SELECT audit_trail_prune()").fetchall()
            self._partitions -= {str(r[0])[4:].replace("_", "-") for r in dropped}
            self._month_list = months[1:]
        return True

    def _archive(self, conn: psycopg.Connection[tuple[Any, ...]], month: str, end_us: int) -> None:
        """Write the month's rows, names and attribute sets resolved, to a gzipped CSV file."""
        if self.archive_dir is None:
            raise StoreError("archiving needs a directory (archive_dir)")
        source = sql.SQL(
            row_select("(SELECT * FROM log WHERE instance = {} AND time_us >= {} AND time_us < {})")
            + " ORDER BY l.seq"
        ).format(
            sql.Literal(self.instance), sql.Literal(month_floor_us(month)), sql.Literal(end_us)
        )
        target = self.archive_dir / f"log-{self.instance}-{month}.csv.gz"
        self.archive_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        try:
            with gzip.open(tmp, "wb") as out, conn.cursor() as cur:
                query = sql.SQL("COPY ({}) TO STDOUT (FORMAT csv, HEADER)").format(source)
                with cur.copy(query) as copy:
                    for data in copy:
                        out.write(data)
            tmp.replace(target)
        except OSError as err:
            raise StoreError(f"archiving {month}: {err}") from err

    def stats(self) -> StoreStats:
        """Return row count, head, oldest time, size and kept months of this instance."""
        months = self._months()
        with self._read("reading statistics") as conn:
            oldest = conn.execute(
                "SELECT time_us FROM log WHERE instance = %s AND time_us >= %s"
                " ORDER BY time_us LIMIT 1",
                (self.instance, self._floor_us()),
            ).fetchone()
            size = conn.execute(
                "SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits"
                " WHERE inhparent = 'log'::regclass"
            ).fetchone()
        return StoreStats(
            rows=self._last_seq - months[0].first_seq + 1 if months else 0,
            last_seq=self._last_seq,
            oldest_time_us=None if oldest is None else int(oldest[0]),
            size_bytes=int(size[0]) if size else 0,
            partitions=tuple(m.month for m in months),
        )
