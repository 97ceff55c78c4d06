"""The writer thread: batching, flushing, and honest loss when the store keeps failing."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from custom_components.audit_trail import writer as writer_module
from custom_components.audit_trail.models import (
    ET_GAP,
    ET_STATE_CHANGED,
    KIND_DEVICE,
    Cause,
    Record,
)
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.base import StoreError, StoreFullError
from custom_components.audit_trail.store.sqlite import SqliteStore

T0 = 1_780_000_000_000_000


def rec(i: int) -> Record:
    return Record(
        ref=i,
        time_us=T0 + i,
        event_type=ET_STATE_CHANGED,
        cause=Cause(kind=KIND_DEVICE),
        entity_id="sensor.x",
        new_state=str(i),
    )


class FlakyStore(SqliteStore):
    """A real store whose disk fails on demand (the boundary we cannot make fail for real)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.fail: type[Exception] | None = None

    def append(self, records: Sequence[Record], policy: Policy) -> list[int]:
        if self.fail is not None:
            raise self.fail("disk says no")
        return super().append(records, policy)


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "RETRY_DELAYS_S", (0.01, 0.01))


def make(tmp_path: Path) -> tuple[FlakyStore, writer_module.Writer, list[object], list[int]]:
    store = FlakyStore(tmp_path)
    store.open()
    errors: list[object] = []
    commits: list[int] = []
    w = writer_module.Writer(
        store, Policy(), on_commit=lambda seq, n: commits.append(seq), on_error=errors.append
    )
    w.start()
    return store, w, errors, commits


def test_batches_flush_and_stop(tmp_path: Path) -> None:
    store, w, errors, commits = make(tmp_path)
    for i in range(1, 5001):
        assert w.enqueue(rec(i))
    assert w.flush(10)
    assert store.last_seq == 5000
    assert commits[-1] == 5000
    assert len(commits) >= 3  # batches are capped
    assert w.committed_rows == 5000
    assert w.backlog == 0
    assert w.stop(10)
    assert w.stop(10)  # stopping twice is harmless
    assert errors == []
    store.close()


def test_failed_batches_become_a_gap_row(tmp_path: Path) -> None:
    store, w, errors, _ = make(tmp_path)
    store.fail = StoreFullError
    w.enqueue(rec(1))
    w.enqueue(rec(2))
    assert w.flush(10)
    assert len(errors) == 1
    assert isinstance(errors[0], StoreError)
    assert w.failing
    store.fail = None
    w.enqueue(rec(3))
    assert w.flush(10)
    assert errors[-1] is None  # the repair issue is cleared
    rows = store.history(None, 0, 2**62, None, 0, 10)
    assert [r.event_type for r in rows] == [ET_GAP, ET_STATE_CHANGED]
    assert rows[0].payload == {
        "reason": "write_failed",
        "lost": 2,
        "from_us": T0 + 1,
        "to_us": T0 + 2,
        "entities": ["sensor.x"],
    }
    assert store.verify().ok
    assert w.stop(10)
    store.close()


def test_unexpected_errors_never_kill_the_thread(tmp_path: Path) -> None:
    store, w, _, _ = make(tmp_path)
    store.fail = RuntimeError
    w.enqueue(rec(1))
    assert w.flush(10)
    store.fail = None
    w.enqueue(rec(2))
    assert w.flush(10)
    assert store.last_seq == 2  # the gap row and the new change
    assert w.stop(10)
    assert not any(t.name == "audit_trail_writer" for t in threading.enumerate())
    store.close()


def test_full_queue_refuses_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "QUEUE_MAX", 3)
    store = FlakyStore(tmp_path)
    store.open()
    w = writer_module.Writer(store, Policy(), on_commit=lambda *_: None, on_error=lambda _: None)
    assert [w.enqueue(rec(i)) for i in range(1, 6)] == [True, True, True, False, False]
    w.start()
    assert w.flush(10)
    assert w.stop(10)
    store.close()
