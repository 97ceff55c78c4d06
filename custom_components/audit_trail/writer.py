"""The writer: a bounded queue and one thread that owns the store's write side.

The event loop only calls `enqueue` (never blocks, never does I/O). The thread appends batches
in one transaction each, committing when a batch is full or `LINGER_S` after its first record,
so a crash loses at most about that much. A failing batch is retried with backoff; one that
keeps failing is counted, and the loss (count and time span) is written as a `gap` row as soon
as the store accepts writes again. Nothing is dropped without a row saying so.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .const import BATCH_MAX_ROWS, COMMIT_INTERVAL_S, QUEUE_MAX
from .models import ET_GAP, KIND_SYSTEM, Cause, Record
from .policy import Policy
from .store.base import AuditStore, StoreError

_LOGGER = logging.getLogger(__name__)

# A batch closes this long after its first record: keeps commits cheap under load and the loss
# bound of a crash well under COMMIT_INTERVAL_S.
LINGER_S = min(0.25, COMMIT_INTERVAL_S)
# Retries of a failing batch before its rows are counted as lost: about a minute in all.
RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0)


@dataclass(slots=True)
class _Flush:
    """A marker: set `done` once everything queued before it is committed."""

    done: threading.Event = field(default_factory=threading.Event)


_STOP = object()


@dataclass(slots=True)
class Loss:
    """Records that could not be written: how many, over what time span, and why."""

    reason: str
    count: int = 0
    first_us: int = 0
    last_us: int = 0
    entities: set[str] = field(default_factory=set)

    def add(self, record: Record) -> None:
        """Count one lost record."""
        self.first_us = record.time_us if self.count == 0 else min(self.first_us, record.time_us)
        self.last_us = max(self.last_us, record.time_us)
        self.count += 1
        if record.entity_id is not None and len(self.entities) < 100:  # noqa: PLR2004
            self.entities.add(record.entity_id)

    def as_record(self, ref: int, now_us: int) -> Record:
        """Return the `gap` row that tells of this loss."""
        return Record(
            ref=ref,
            time_us=now_us,
            event_type=ET_GAP,
            cause=Cause(kind=KIND_SYSTEM, reason=self.reason),
            payload={
                "reason": self.reason,
                "lost": self.count,
                "from_us": self.first_us,
                "to_us": self.last_us,
                "entities": sorted(self.entities),
            },
        )


class Writer:
    """Owns the write side of a store from one thread."""

    def __init__(
        self,
        store: AuditStore,
        policy: Policy,
        on_commit: Callable[[int, int], None],
        on_error: Callable[[Exception | None], None],
    ) -> None:
        self._store = store
        self._policy = policy
        self._on_commit = on_commit
        self._on_error = on_error
        # A deque and an event rather than queue.Queue: append is ~10x cheaper in the event
        # loop's hot path; the bound is checked by length (records only, markers always fit).
        self._items: deque[object] = deque()
        self._wake = threading.Event()  # something is queued
        self._full = threading.Event()  # a batch's worth, or a marker, is queued
        self._max = QUEUE_MAX
        self._thread = threading.Thread(target=self._run, name="audit_trail_writer", daemon=True)
        self._loss: Loss | None = None
        self.committed_rows = 0
        self.failing = False

    @property
    def backlog(self) -> int:
        """Return how many items wait to be written."""
        return len(self._items)

    def seq_of_ref(self, ref: int) -> int | None:
        """Return the seq a written capture ref received."""
        return self._store.seq_of_ref(ref)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def enqueue(self, record: Record) -> bool:
        """Queue a record without blocking; False when the queue is full."""
        if len(self._items) >= self._max:
            return False
        self._items.append(record)
        # Append first, then check: the writer clears `_wake` only after seeing the deque empty.
        if not self._wake.is_set():
            self._wake.set()
        if len(self._items) >= BATCH_MAX_ROWS and not self._full.is_set():
            self._full.set()
        return True

    def _put(self, item: object) -> None:
        """Queue a marker (flush, stop): it ends the linger at once."""
        self._items.append(item)
        self._wake.set()
        self._full.set()

    def _wait_for_items(self) -> None:
        while not self._items:
            self._wake.clear()
            if self._items:  # appended between the check and the clear
                break
            self._wake.wait()

    def flush(self, timeout: float) -> bool:
        """Block until everything queued so far is committed (call from an executor)."""
        marker = _Flush()
        self._put(marker)
        return marker.done.wait(timeout)

    def stop(self, timeout: float) -> bool:
        """Write what is queued, then end the thread (call from an executor)."""
        if not self._thread.is_alive():
            return True
        self._put(_STOP)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch, flushes, stopping = self._collect()
            if batch:
                self._write(batch)
            for marker in flushes:
                marker.done.set()

    def _collect(self) -> tuple[list[Record], list[_Flush], bool]:
        """Take one batch: wait for a first item, then let the batch fill for the linger.

        The thread sleeps through the linger instead of taking items one by one as they come,
        so a burst of changes in the event loop is not slowed by this thread's share of the GIL.
        """
        self._wait_for_items()
        self._full.wait(LINGER_S)
        self._full.clear()
        batch: list[Record] = []
        flushes: list[_Flush] = []
        while self._items and len(batch) < BATCH_MAX_ROWS:
            item = self._items.popleft()
            if item is _STOP:
                return batch, flushes, True
            if isinstance(item, _Flush):
                flushes.append(item)
                return batch, flushes, False  # commit now: someone is waiting
            if isinstance(item, Record):
                batch.append(item)
        if len(self._items) >= BATCH_MAX_ROWS:
            self._full.set()  # more than a batch waits: no linger for the next one
        return batch, flushes, False

    def _committed(self, seqs: Sequence[int]) -> None:
        """Count a written batch, clear a failure, and tell the listeners."""
        self._loss = None
        self.committed_rows += len(seqs)
        if self.failing:
            self.failing = False
            self._on_error(None)
        if seqs:  # none when a PostgreSQL store spooled the batch for later
            self._on_commit(seqs[-1], len(seqs))

    def _write(self, batch: Sequence[Record]) -> None:
        """Append a batch, retrying with backoff; count it as lost if it keeps failing."""
        error: StoreError | None = None
        for delay in (0.0, *RETRY_DELAYS_S):
            if delay:
                time.sleep(delay)
            rows = list(batch)
            if self._loss is not None:
                rows.insert(0, self._loss.as_record(0, batch[0].time_us))
            try:
                seqs = self._store.append(rows, self._policy)
            except StoreError as err:
                error = err
                if not self.failing:
                    _LOGGER.error(  # noqa: TRY400 - a store error is expected, not a bug
                        "Audit Trail could not write %s rows: %s", len(rows), err
                    )
                    self.failing = True
                    self._on_error(err)
                continue
            except Exception as err:  # the writer never dies: any bug is logged and counted
                _LOGGER.exception("Unexpected error writing the audit log")
                error = StoreError(str(err))
                break
            self._committed(seqs)
            return
        _LOGGER.error("Audit Trail gave up on %s rows after retries: %s", len(batch), error)
        if self._loss is None:
            self._loss = Loss(reason="write_failed")
        for record in batch:
            self._loss.add(record)
