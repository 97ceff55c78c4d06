"""The reading side of the spooling store: the server's answers, or what the spool knows."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from ..models import Bucket, StoredRow, StoreStats, VerifyResult
from .base import AuditStore, StoreError, StoreUnavailableError
from .pg_probe import is_outage
from .spool import Known

STATE_PREPARING = "preparing"  # connecting and migrating the schema (in the background)
STATE_COPYING = "copying"  # copying the SQLite log into the server before anything else
STATE_READY = "ready"
STATE_UNREACHABLE = "unreachable"
STATE_FAILED = "failed"  # the schema could not be prepared (not an outage): needs the user


def _synthetic(entity: str | None, state: str | None, time_us: int, event_type: str) -> StoredRow:
    """Return a row built from what the spool knows (no attributes, no cause, no hash)."""
    return StoredRow(
        seq=0,
        time_us=time_us,
        event_type=event_type,
        entity_id=entity,
        registry_id=None,
        device_id=None,
        area_id=None,
        domain=entity.split(".", 1)[0] if entity else None,
        platform=None,
        old_state=None,
        new_state=state,
        old_attributes=None,
        new_attributes=None,
        last_changed_us=None,
        last_updated_us=None,
        context_id=None,
        context_user_id=None,
        context_parent_id=None,
        cause={},
        causation_seq=None,
        payload=None,
        version=1,
        hash=b"",
    )


class SpooledReads:
    """Reads of a spooling store: from the server when it is ready, else from the spool's facts."""

    def __init__(self) -> None:
        self._inner: AuditStore | None = None
        self._state = STATE_PREPARING
        self._error: str | None = None
        self._lock = threading.RLock()  # the spool, the server's write side, the state
        self._known: Known = {}
        self._last: dict[str, object] | None = None
        self._ref_seq: OrderedDict[int, int] = OrderedDict()
        self._head = 0  # the server's last seq as last seen
        self._stats: StoreStats | None = None

    def _reader(self) -> AuditStore:
        """Return the server store, or say why there is none to read from."""
        inner = self._inner
        if inner is None or self._state != STATE_READY:
            raise StoreUnavailableError(
                f"the PostgreSQL server is not available ({self._state}): {self._error or ''}"
            )
        return inner

    def last_row(self) -> StoredRow | None:
        """Return the newest row (from the spool's facts while the server is away)."""
        if self._state == STATE_READY and self._inner is not None:
            return self._inner.last_row()
        if self._last is None:
            return None
        row = _synthetic(None, None, int(self._last["time_us"]), str(self._last["event_type"]))  # type: ignore[call-overload]
        row.seq = int(self._last["seq"])  # type: ignore[call-overload]
        return row

    def latest_states(self) -> dict[str, StoredRow]:
        """Return each entity's newest row (states only while the server is away)."""
        if self._state == STATE_READY and self._inner is not None:
            return self._inner.latest_states()
        return {e: _synthetic(e, state, t, et) for e, (state, t, et) in self._known.items()}

    def known_entities(self) -> set[str]:
        """Return every entity the store knows."""
        return self._reader().known_entities()

    def known(self, entity_ids: Sequence[str]) -> set[str]:
        """Return which of these entities the store has rows of."""
        return self._reader().known(entity_ids)

    def state_at(self, entity_ids: Sequence[str] | None, at_us: int) -> dict[str, StoredRow]:
        """Return each entity's newest row at or before a time."""
        return self._reader().state_at(entity_ids, at_us)

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
        """Return rows in a time range by seq (see AuditStore.history)."""
        return self._reader().history(
            entity_ids, start_us, end_us, event_types, after_seq, limit, actor, before_seq
        )

    def buckets(
        self, entity_ids: Sequence[str], start_us: int, end_us: int, width_us: int
    ) -> list[Bucket]:
        """Return per-entity, per-bucket counts and newest rows."""
        return self._reader().buckets(entity_ids, start_us, end_us, width_us)

    def actors(self, start_us: int, end_us: int) -> dict[str, dict[str, int]]:
        """Return per-actor, per-entity row counts."""
        return self._reader().actors(start_us, end_us)

    def row(self, seq: int) -> StoredRow | None:
        """Return one row by seq."""
        return self._reader().row(seq)

    def chain(self, seq: int) -> list[StoredRow]:
        """Return a row and the rows that caused it."""
        return self._reader().chain(seq)

    def seq_of_ref(self, ref: int) -> int | None:
        """Return the seq a capture ref received (None while it is spooled)."""
        return self._ref_seq.get(ref)

    def verify(self, from_seq: int | None = None) -> VerifyResult:
        """Walk the server's hash chain."""
        return self._reader().verify(from_seq)

    def drop_partition(self, month: str, archive: bool) -> bool:
        """Drop a month on the server (not while it is away)."""
        with self._lock:
            return self._reader().drop_partition(month, archive)

    def stats(self) -> StoreStats:
        """Return the server's figures (the last ones seen while it is away)."""
        if self._state == STATE_READY and self._inner is not None:
            try:
                self._stats = self._inner.stats()
            except StoreError as err:
                if not is_outage(err):
                    raise
        if self._stats is not None:
            return self._stats
        return StoreStats(
            rows=0, last_seq=self._head, oldest_time_us=None, size_bytes=0, partitions=()
        )
