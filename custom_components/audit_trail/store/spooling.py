"""A store in front of a server's store that spools writes to a local file while it is away.

Only the writer thread calls `append`; `prepare` and `retry` (a background task and a timer)
connect, reconcile and forward the spool under the same lock, so records reach the server
in capture order: spooled ones first, oldest first, before any new one. Reads go to the
server and fail with `StoreUnavailableError` while it is away. Each (re)connection builds a
fresh server store, so its head (seq and hash) is read back from the server: after a commit
whose answer was lost, the spool checks which of its records the server already has.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import cast

from ..const import SPOOL_DRAIN_ROWS
from ..models import (
    ENTITY_EVENT_TYPES,
    ET_CHECKPOINT,
    ET_GAP,
    EVENT_TYPES,
    KIND_SYSTEM,
    Cause,
    Record,
)
from ..policy import Policy
from .base import AuditStore, StoreError, StoreUnavailableError
from .pg_probe import is_outage
from .spool import Spool
from .spooled_reads import (
    STATE_COPYING,
    STATE_FAILED,
    STATE_READY,
    STATE_UNREACHABLE,
    SpooledReads,
)

_LOGGER = logging.getLogger(__name__)
MAX_US = 2**62
# Capture refs remembered to turn causation_ref into causation_seq across reconnections (each
# builds a new server store, which starts with no refs): causes are seconds old.
REF_CACHE_MAX = 100_000
# Spooled records of an earlier start carry that start's refs, which this start reuses: they
# are moved to a range of their own (negative, by start number) before they are forwarded.
_RUN_SHIFT = 2**32


@dataclass(frozen=True, slots=True)
class Health:
    """What the integration reports about the server and the spool."""

    state: str
    error: str | None
    spooled: int
    lost: int


def _foreign(run: int, ref: int | None) -> int | None:
    """Return the ref an earlier start's record is forwarded under."""
    return -(run * _RUN_SHIFT + ref) if ref else ref


class SpoolingStore(SpooledReads):
    """An AuditStore that keeps writing (to a local spool) while its server is away."""

    def __init__(
        self,
        connect: Callable[[], AuditStore],
        spool: Spool,
        on_health: Callable[[Health], None],
        before_ready: Callable[[AuditStore], None] | None = None,
    ) -> None:
        self._connect = connect
        self._spool = spool
        self._on_health = on_health
        self._before_ready = before_ready
        super().__init__()
        self._preparing = threading.Lock()  # one connection attempt at a time
        self._policy: Policy | None = None
        self._closed = threading.Event()  # set by close(); read by attempts in other threads
        self._lost = 0  # changes the full spool could not keep, not yet told by a gap row
        self.clean_start = False

    def view(self, instance: str) -> AuditStore:
        """Return a read-only store of another instance on the server (admins' questions)."""
        inner = self._inner
        view = getattr(inner, "view", None)
        if inner is None or view is None:
            raise StoreUnavailableError("the PostgreSQL server is not reachable")
        return cast("AuditStore", view(instance))

    # -- life cycle ------------------------------------------------------------------------
    def open(self) -> None:
        """Open the spool and load what it knows (the server is reached by `prepare`)."""
        self._spool.open()
        self._known = self._spool.known()
        self._last = self._spool.get("last")
        self.clean_start = self._spool.get("clean") is True
        if not self.clean_start and self._last and self._last.get("by_close"):
            # A start after that close ended without closing: its last row is not known.
            self._last = {**self._last, "event_type": "unknown"}
        self._head = int(self._spool.get("head") or 0)
        loss = self._spool.get("loss")
        self._lost = int(loss["lost"]) if loss else 0
        self._spool.set("clean", value=False)

    def close(self) -> None:
        """Save what a start during an outage needs, then close the server store and spool."""
        with self._lock:
            self._save_known(by_close=True)
            self._spool.set("clean", value=True)
            inner, self._inner = self._inner, None
            self._state = STATE_UNREACHABLE
            self._closed.set()
        if inner is not None:
            inner.close()
        self._spool.close()

    def _save_known(self, by_close: bool = False) -> None:
        self._spool.save_known(self._known)
        if self._last is not None:
            self._spool.set("last", {**self._last, "by_close": by_close})
        self._spool.set("head", self._head)

    @property
    def state(self) -> str:
        """Return the state of the server connection."""
        return self._state

    def health(self) -> Health:
        """Return the server state, its last error, and what is spooled and lost.

        From memory only: it is asked on the event loop, without the lock, while a close may
        be closing the spool's file in an executor.
        """
        return Health(self._state, self._error, self._spool.rows, self._lost)

    def _set_state(self, state: str, error: str | None = None) -> None:
        if self._closed.is_set():
            return  # an attempt that outlived the store (a long copy when unloading)
        changed = (state, error) != (self._state, self._error)
        self._state, self._error = state, error
        if changed:
            self._on_health(self.health())

    # -- connecting ------------------------------------------------------------------------
    def prepare(self, policy: Policy) -> list[int]:
        """Connect (migrating the schema), reconcile and forward the spool; return new seqs."""
        self._policy = policy
        if self._closed.is_set() or not self._preparing.acquire(blocking=False):
            return []  # another attempt is under way
        try:
            inner = self._open_inner()
            if inner is None:
                return []
            with self._lock:
                if self._closed.is_set():  # unloaded while connecting, migrating or copying
                    self._close_quietly(inner)
                    return []
                old, self._inner = self._inner, inner
                self._head = inner.last_seq
                self._reconcile(inner)
                self._set_state(STATE_READY)
                seqs = self._drain(policy)
                if not self._spool.rows and self._state == STATE_READY:
                    self._refresh_known(inner)
        finally:
            self._preparing.release()
        if old is not None:
            self._close_quietly(old)
        return seqs

    def retry(self, policy: Policy) -> list[int]:
        """Try the server again if it was away, and forward what is spooled."""
        if self._state in (STATE_READY, STATE_FAILED):
            with self._lock:
                return self._drain(policy) if self._state == STATE_READY else []
        return self.prepare(policy)

    def _open_inner(self) -> AuditStore | None:
        """Build and open a server store; None (state set) when the server is away."""
        inner = self._connect()
        try:
            inner.open()
            if self._before_ready is not None:
                self._set_state(STATE_COPYING)
                self._before_ready(inner)
                self._before_ready = None
        except StoreError as err:
            self._close_quietly(inner)
            if self._closed.is_set():  # unloaded meanwhile: the spool may be closed under it
                _LOGGER.debug("Audit Trail stopped preparing its PostgreSQL store: %s", err)
                return None
            if not is_outage(err):
                _LOGGER.error(  # noqa: TRY400 - a store error, not a bug: no traceback
                    "Audit Trail could not prepare its PostgreSQL store: %s", err
                )
                self._set_state(STATE_FAILED, str(err))
                return None
            self._set_state(STATE_UNREACHABLE, str(err))
            return None
        return inner

    @staticmethod
    def _close_quietly(store: AuditStore) -> None:
        try:
            store.close()
        except StoreError as err:  # a connection to a server that went away
            _LOGGER.debug("Closing a PostgreSQL store failed: %s", err)

    def _refresh_known(self, inner: AuditStore) -> None:
        """Take the newest states and the last row from the server (the spool is empty)."""
        latest = inner.latest_states()
        self._known = {e: (r.new_state, r.time_us, r.event_type) for e, r in latest.items()}
        last = inner.last_row()
        if last is not None:
            self._last = {"seq": last.seq, "time_us": last.time_us, "event_type": last.event_type}

    def _reconcile(self, inner: AuditStore) -> None:
        """Forget spooled records the server already has (their commit's answer was lost)."""
        attempt = self._spool.get("attempt")
        if not attempt or inner.last_seq <= int(attempt[0]):
            self._spool.set("attempt", None)
            return
        base, through = int(attempt[0]), int(attempt[1])
        pending = [(i, r) for i, _, r in self._spool.peek(through + 1) if i <= through]
        stored = inner.history(None, 0, MAX_US, EVENT_TYPES, base, len(pending) * 2 + 10_000)
        matched: int | None = None
        index = 0
        for row in stored:
            if row.event_type == ET_CHECKPOINT and row.cause.get("reason") == "partition_start":
                continue  # the store's own rows at a month's start
            if index >= len(pending):
                break
            record = pending[index][1]
            if (row.time_us, row.event_type, row.entity_id) != (
                record.time_us,
                record.event_type,
                record.entity_id,
            ):
                break
            matched = pending[index][0]
            index += 1
        _LOGGER.info("Audit Trail found %s spooled rows already written", index)
        if matched is not None:
            self._spool.remove_through(matched)
        self._spool.set("attempt", None)

    # -- writing ---------------------------------------------------------------------------
    @property
    def last_seq(self) -> int:
        """Return the server's last seq as last seen (0 when empty)."""
        return self._head

    def append(self, records: Sequence[Record], policy: Policy) -> list[int]:
        """Append to the server, or spool when it is away; return the seqs written now."""
        self._policy = policy
        with self._lock:
            seqs = self._drain(policy) if self._state == STATE_READY else []
            if self._state != STATE_READY or self._spool.rows:
                self._spool_records(records, policy, attempt=None)
                return seqs
            return seqs + self._forward(records, policy, spooled_through=None)

    def _forward(
        self, records: Sequence[Record], policy: Policy, spooled_through: int | None
    ) -> list[int]:
        """Append to the server; on an outage spool the records (unless they are spooled)."""
        inner = self._inner
        if inner is None:
            raise StoreUnavailableError("the PostgreSQL store is not open")
        base = inner.last_seq
        try:
            seqs = inner.append(self._resolve(records), policy)
        except StoreError as err:
            if not is_outage(err):
                raise
            _LOGGER.warning("Audit Trail lost its PostgreSQL server, spooling: %s", err)
            self._save_known()
            self._set_state(STATE_UNREACHABLE, str(err))
            if spooled_through is None:
                self._spool_records(records, policy, attempt=base)
            else:
                self._spool.set("attempt", [base, spooled_through])
            return []
        self._head = inner.last_seq
        self._note(records, seqs)
        return seqs

    def _resolve(self, records: Sequence[Record]) -> list[Record]:
        """Name the seq of causes written before (the server store may not remember them)."""
        out = []
        for record in records:
            ref = record.causation_ref
            if ref is not None and record.causation_seq is None and ref in self._ref_seq:
                record = replace(record, causation_seq=self._ref_seq[ref])  # noqa: PLW2901
            out.append(record)
        return out

    def _note(self, records: Sequence[Record], seqs: Sequence[int]) -> None:
        """Remember refs, the newest states and the last row of written records."""
        for record, seq in zip(records, seqs, strict=True):
            if record.ref:
                if len(self._ref_seq) >= REF_CACHE_MAX:
                    self._ref_seq.popitem(last=False)
                self._ref_seq[record.ref] = seq
            if record.entity_id is not None and record.event_type in ENTITY_EVENT_TYPES:
                self._known[record.entity_id] = (
                    record.new_state,
                    record.time_us,
                    record.event_type,
                )
        if records:
            last = records[-1]
            self._last = {"seq": seqs[-1], "time_us": last.time_us, "event_type": last.event_type}

    def _spool_records(
        self, records: Sequence[Record], policy: Policy, attempt: int | None
    ) -> None:
        """Spool records; count those that do not fit as lost (one gap row later)."""
        was_empty = not self._spool.rows
        refused = self._spool.put(records, policy, self._head, attempt)
        for record in records[: len(records) - len(refused)]:
            if record.entity_id is not None and record.event_type in ENTITY_EVENT_TYPES:
                self._known[record.entity_id] = (
                    record.new_state,
                    record.time_us,
                    record.event_type,
                )
        self._last = self._spool.get("last") or self._last
        if refused:
            self._count_loss(refused)
        if was_empty or refused:
            self._on_health(self.health())

    def _count_loss(self, refused: Sequence[Record]) -> None:
        loss = self._spool.get("loss") or {"lost": 0, "from_us": refused[0].time_us}
        loss["lost"] += len(refused)
        loss["to_us"] = refused[-1].time_us
        entities = set(loss.get("entities", []))
        entities.update(r.entity_id for r in refused if r.entity_id is not None)
        loss["entities"] = sorted(entities)[:100]
        if loss["lost"] == len(refused):
            _LOGGER.error("Audit Trail's spool is full; counting the changes it cannot keep")
        self._spool.set("loss", loss)
        self._lost = int(loss["lost"])

    def _drain(self, policy: Policy) -> list[int]:
        """Forward spooled records in order, a chunk per transaction, then any loss."""
        seqs: list[int] = []
        while self._spool.rows and self._state == STATE_READY:
            chunk = self._spool.peek(SPOOL_DRAIN_ROWS)
            through = chunk[-1][0]
            records = [
                r
                if run == self._spool.run
                else replace(
                    r, ref=_foreign(run, r.ref) or 0, causation_ref=_foreign(run, r.causation_ref)
                )
                for _, run, r in chunk
            ]
            self._spool.set("attempt", [self._head, through])  # a crash now must not repeat them
            got = self._forward(records, policy, spooled_through=through)
            if not got:
                return seqs
            self._spool.remove_through(through)
            seqs.extend(got)
        loss = self._spool.get("loss")
        if loss and self._state == STATE_READY and not self._spool.rows:
            seqs.extend(self._write_loss(loss, policy))
        if not self._spool.rows and seqs:
            self._on_health(self.health())
        return seqs

    def _write_loss(self, loss: dict[str, object], policy: Policy) -> list[int]:
        """Append the gap row that tells of changes the full spool could not keep."""
        last_time = int(loss.get("to_us", 0))  # type: ignore[call-overload]
        gap = Record(
            ref=0,
            time_us=last_time,
            event_type=ET_GAP,
            cause=Cause(kind=KIND_SYSTEM, reason="spool_full"),
            payload={"reason": "spool_full", **loss},
        )
        got = self._forward([gap], policy, spooled_through=None)
        self._spool.set("loss", None)  # written, or spooled in its turn
        self._lost = 0
        return got
