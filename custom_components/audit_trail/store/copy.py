"""Copy a SQLite log into an empty PostgreSQL instance, keeping every seq and every hash.

Each SQLite month becomes a PostgreSQL month anchored where the SQLite one is (its first seq
and the hash before it), and its rows are written in seq order, the checkpoints among them,
through the PostgreSQL store's own row writer, which hashes them anew: each chunk commits
only if its last hash is the SQLite row's, so the copy is the same chain or nothing. A copy
that stopped half-way continues where it stopped. `verify` runs over the whole copy at the end.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass

from ..const import CONF_EXCLUDED_ATTRIBUTES
from ..models import EVENT_TYPES, Cause, EntityMeta, Record, StoredRow
from ..policy import Policy
from .base import StoreError
from .pg_pool import translate_errors
from .pg_reads import Month
from .postgres import PostgresStore
from .reads import connect, month_of
from .sqlite import SqliteStore

# Rows per transaction: large enough for COPY to pay off, small enough that a copy of millions
# of rows holds no transaction (and no lock) for long.
CHUNK_ROWS = 5000
# Attributes are copied as stored: nothing filtered out again.
_AS_STORED = Policy.from_options({CONF_EXCLUDED_ATTRIBUTES: []})


@dataclass(frozen=True, slots=True)
class CopyResult:
    """What a copy did."""

    rows: int
    months: int
    seconds: float
    verified: int

    @property
    def rows_per_s(self) -> float:
        """Return the copy's speed."""
        return self.rows / self.seconds if self.seconds else 0.0


def _record(row: StoredRow) -> Record:
    """Return the record a stored row was written from."""
    return Record(
        ref=0,
        time_us=row.time_us,
        event_type=row.event_type,
        cause=Cause(**{k: v for k, v in row.cause.items() if k != "v"}),
        entity_id=row.entity_id,
        meta=EntityMeta(row.registry_id, row.device_id, row.area_id, row.platform),
        old_state=row.old_state,
        new_state=row.new_state,
        old_attributes=row.old_attributes,
        new_attributes=row.new_attributes,
        last_changed_us=row.last_changed_us,
        last_updated_us=row.last_updated_us,
        context_id=row.context_id,
        context_user_id=row.context_user_id,
        context_parent_id=row.context_parent_id,
        causation_seq=row.causation_seq,
        payload=row.payload,
    )


def _months(source: SqliteStore) -> list[tuple[Month, int]]:
    """Return each SQLite month's anchor (first seq, hash before it) and creation time."""
    out = []
    for path in source.partition_paths():
        with closing(connect(path, readonly=True)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        month = Month(str(meta["month"]), int(meta["first_seq"]), bytes.fromhex(meta["prev_hash"]))
        out.append((month, int(meta["created_us"])))
    return out


def _rows(source: SqliteStore, after_seq: int) -> Iterator[list[StoredRow]]:
    """Yield the SQLite log's rows after a seq, in seq order, a chunk at a time."""
    while True:
        chunk = source.history(None, 0, 2**62, EVENT_TYPES, after_seq, CHUNK_ROWS)
        if not chunk:
            return
        yield chunk
        after_seq = chunk[-1].seq


def _write_chunk(
    target: PostgresStore, month: Month, created_us: int, rows: list[StoredRow]
) -> None:
    """Write rows of one month in one transaction, anchoring the month first if they open it."""
    conn = target._write_conn()  # noqa: SLF001 - the copy writes as the store's own writer
    target._ensure_partitions(conn, {month.month} | {month_of(r.time_us) for r in rows})  # noqa: SLF001
    opens = rows[0].seq == month.first_seq

    def work() -> None:
        if opens:
            target._last_seq, target._last_hash = month.first_seq - 1, month.prev_hash  # noqa: SLF001
            conn.execute(
                "INSERT INTO months (instance, month, first_seq, prev_hash, created_us)"
                " VALUES (%s, %s, %s, %s, %s)",
                (target.instance, *month, created_us),
            )
        target._insert(conn, [_record(r) for r in rows], _AS_STORED)  # noqa: SLF001
        if target._last_hash != rows[-1].hash:  # noqa: SLF001
            raise StoreError(f"the copy of row {rows[-1].seq} would not keep its hash")

    target._guarded(conn, work)  # noqa: SLF001
    if opens:
        target._month_list.append(month)  # noqa: SLF001


def copy_into(source: SqliteStore, target: PostgresStore) -> CopyResult:
    """Copy (or continue copying) a SQLite log into an open PostgreSQL store; verify it."""
    started = time.monotonic()
    months = _months(source)
    if target.last_seq:  # a copy that stopped: it continues only on the same chain
        same = source.row(target.last_seq)
        if same is None or same.hash != target._last_hash:  # noqa: SLF001
            raise StoreError("the PostgreSQL instance holds rows that are not this log's")
    copied = 0
    with target._lock, translate_errors("copying the log"):  # noqa: SLF001
        for chunk in _rows(source, target.last_seq):
            index = 0
            while index < len(chunk):
                owner = max(i for i, (m, _) in enumerate(months) if m.first_seq <= chunk[index].seq)
                end = months[owner + 1][0].first_seq if owner + 1 < len(months) else 2**62
                part = [r for r in chunk[index:] if r.seq < end]
                _write_chunk(target, *months[owner], part)
                index += len(part)
                copied += len(part)
    result = target.verify()
    if not result.ok:
        raise StoreError(f"the copy does not verify at row {result.first_bad_seq}: {result.reason}")
    return CopyResult(copied, len(months), time.monotonic() - started, result.checked)
