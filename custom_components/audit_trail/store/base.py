"""The storage protocol and the store's own errors (driver errors are translated into these)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..models import Bucket, Record, StoredRow, StoreStats, VerifyResult
from ..policy import Policy


class StoreError(Exception):
    """A store operation failed; the message says what and why."""


class StoreFullError(StoreError):
    """The disk holding the store is full."""


class StoreUnavailableError(StoreError):
    """The store's server cannot be reached (or refuses us) for now; retrying may succeed."""


class AuditStore(Protocol):
    """An append-only, hash-chained audit log. Only the writer thread calls `append`."""

    def open(self) -> None:
        """Create or migrate the store and load its head."""

    def close(self) -> None:
        """Release every connection."""

    @property
    def last_seq(self) -> int:
        """Return the seq of the newest row (0 when empty)."""

    def append(self, records: Sequence[Record], policy: Policy) -> list[int]:
        """Append records in one transaction, extending the chain; return their seqs."""

    def last_row(self) -> StoredRow | None:
        """Return the newest row."""

    def latest_states(self) -> dict[str, StoredRow]:
        """Return the newest row of every entity ever recorded (the projection)."""

    def known_entities(self) -> set[str]:
        """Return every entity the store knows."""

    def known(self, entity_ids: Sequence[str]) -> set[str]:
        """Return which of these entities any kept partition has rows of (removed ones too)."""

    def state_at(self, entity_ids: Sequence[str] | None, at_us: int) -> dict[str, StoredRow]:
        """Return each entity's newest row at or before a time (all entities when None)."""

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
        """Return rows in [start, end] by seq, after a seq cursor, at most limit.

        With `before_seq`, the rows with seq < before_seq (and > after_seq), newest first.
        """

    def buckets(
        self, entity_ids: Sequence[str], start_us: int, end_us: int, width_us: int
    ) -> list[Bucket]:
        """Return per entity and bucket of width_us from start_us its rows' count and newest.

        Bucket i holds the rows in (start + i * width, start + (i + 1) * width], of the types in
        TIMELINE_EVENT_TYPES; buckets without rows are left out.
        """

    def actors(self, start_us: int, end_us: int) -> dict[str, dict[str, int]]:
        """Return, per actor (user id, automation or script) in [start, end], rows per entity."""

    def row(self, seq: int) -> StoredRow | None:
        """Return one row by seq."""

    def chain(self, seq: int) -> list[StoredRow]:
        """Return a row and the rows that caused it, effect first."""

    def seq_of_ref(self, ref: int) -> int | None:
        """Return the seq a recently written capture ref received."""

    def verify(self, from_seq: int | None = None) -> VerifyResult:
        """Walk the hash chain (from a seq, or whole) and report the first row that differs."""

    def drop_partition(self, month: str, archive: bool) -> bool:
        """Drop one month's partition (archiving it first if asked); True if it existed."""

    def stats(self) -> StoreStats:
        """Return figures about the store."""
