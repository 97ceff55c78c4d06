"""The store contract: invariants, partitions, queries and the hash chain, on real stores.

Every backend passes these tests: SQLite on real files, PostgreSQL on a real server (a fresh
schema per test, see tests/pg.py). Tests that reach into SQLite files to tamper with them are
SQLite's own (`sqlite_store`); PostgreSQL's tampering, privileges and instances are in
tests/test_postgres.py.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from custom_components.audit_trail.models import (
    ET_CHECKPOINT,
    ET_STATE_CHANGED,
    KIND_DEVICE,
    Cause,
    Record,
)
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.base import StoreError
from custom_components.audit_trail.store.postgres import PostgresStore
from custom_components.audit_trail.store.reads import month_checkpoints
from custom_components.audit_trail.store.sqlite import SqliteStore

from .pg import Place, fresh_schema

POLICY = Policy(excluded_attributes=frozenset({"latitude"}))
Store = Any  # SqliteStore | PostgresStore: both implement AuditStore


def us(year: int, month: int, day: int, hour: int = 0) -> int:
    return int(datetime(year, month, day, hour, tzinfo=UTC).timestamp() * 1_000_000)


def change(entity_id: str, state: str, time_us: int, ref: int = 0, **kw: object) -> Record:
    kw.setdefault("cause", Cause(kind=KIND_DEVICE))
    return Record(
        ref=ref,
        time_us=time_us,
        event_type=ET_STATE_CHANGED,
        entity_id=entity_id,
        new_state=state,
        new_attributes={"friendly_name": entity_id, "latitude": 1.0},
        last_changed_us=time_us,
        **kw,  # type: ignore[arg-type]
    )


class SqliteBackend:
    """Stores in one directory of real SQLite files."""

    def __init__(self, tmp_path: Path) -> None:
        self.directory = tmp_path / "audit_trail"

    def make(self) -> SqliteStore:
        return SqliteStore(self.directory)

    def attr_sets(self, store: SqliteStore) -> int:
        total = 0
        for path in store.partition_paths():
            with closing(sqlite3.connect(path, isolation_level=None)) as conn:
                total += conn.execute("SELECT count(*) FROM attrs").fetchone()[0]
        return int(total)

    def archived(self, month: str) -> bool:
        return (self.directory / "archive" / f"log-{month}.db.gz").exists()


class PostgresBackend:
    """Stores of one instance in a fresh schema of a real PostgreSQL server."""

    def __init__(self, place: Place, tmp_path: Path) -> None:
        self.place, self.archive = place, tmp_path / "archive"

    def make(self) -> PostgresStore:
        return PostgresStore(
            self.place.writer_url, owner_url=self.place.owner_url, archive_dir=self.archive
        )

    def attr_sets(self, _store: PostgresStore) -> int:
        return int(self.place.owner_sql("SELECT count(*) FROM attrs")[0][0])

    def archived(self, month: str) -> bool:
        return (self.archive / f"log-default-{month}.csv.gz").exists()


@contextmanager
def make_backend(name: str, tmp_path: Path) -> Iterator[Any]:
    """Yield a backend harness by name."""
    if name == "sqlite":
        yield SqliteBackend(tmp_path)
        return
    with fresh_schema() as place:
        yield PostgresBackend(place, tmp_path)


BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    with make_backend(request.param, tmp_path) as harness:
        yield harness


@pytest.fixture
def store(backend: Any) -> Iterator[Store]:
    s = backend.make()
    s.open()
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    s = SqliteStore(tmp_path / "audit_trail")
    s.open()
    yield s
    s.close()


def test_append_assigns_increasing_seqs_and_dedups_attributes(store: Store, backend: Any) -> None:
    t = us(2026, 3, 1)
    assert store.append([change("light.a", "on", t), change("light.a", "off", t + 1)], POLICY) == [
        1,
        2,
    ]
    assert store.append([change("light.b", "on", t + 2)], POLICY) == [3]
    assert store.last_seq == 3
    assert backend.attr_sets(store) == 2
    row = store.row(2)
    assert row is not None
    assert row.new_attributes == {"friendly_name": "light.a"}  # latitude never written
    assert store.row(99) is None


def test_log_rows_cannot_be_updated_or_deleted(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    store.append([change("light.a", "on", us(2026, 3, 1))], POLICY)
    with closing(sqlite3.connect(store.path_for("2026-03"), isolation_level=None)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE log SET new_state = 'off'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM log")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE attrs SET json = '{}'")
        with pytest.raises(sqlite3.IntegrityError, match="seq must increase"):
            conn.execute(
                "INSERT INTO log (seq, time_us, event_type, cause, v, hash) "
                "VALUES (1, 0, 'x', '{}', 1, x'00')"
            )


def test_month_rollover_checkpoints_and_state_at(store: Store) -> None:
    store.append(
        [
            change("light.a", "on", us(2026, 1, 10)),
            change("light.b", "off", us(2026, 1, 11)),
            change("light.a", "off", us(2026, 1, 20)),
        ],
        POLICY,
    )
    store.append([change("light.b", "on", us(2026, 2, 3))], POLICY)
    assert store.stats().partitions == ("2026-01", "2026-02")
    feb = store.history(None, us(2026, 2, 1), us(2026, 3, 1), [ET_CHECKPOINT], 0, 100)
    assert {(r.entity_id, r.new_state) for r in feb} == {("light.a", "off"), ("light.b", "off")}
    # A checkpoint keeps the true last_changed and points at the row it repeats.
    a = next(r for r in feb if r.entity_id == "light.a")
    assert a.last_changed_us == us(2026, 1, 20)
    assert a.causation_seq == 3
    at = store.state_at(["light.a", "light.b", "light.none"], us(2026, 2, 5))
    assert at["light.a"].new_state == "off"
    assert at["light.b"].new_state == "on"
    assert "light.none" not in at
    assert store.state_at(["light.a"], us(2026, 1, 15))["light.a"].new_state == "on"
    assert store.state_at(["light.a"], us(2026, 1, 1)) == {}
    assert store.state_at(None, us(2025, 1, 1)) == {}
    assert set(store.state_at(None, us(2026, 2, 5))) == {"light.a", "light.b"}
    assert store.verify().ok
    assert store.verify().checked == 6
    assert store.verify(from_seq=5).checked == 2


def test_state_at_is_right_after_midnight_on_the_first(store: Store) -> None:
    # Issue 9, defect 4: a quiet night after the 1st answered "nothing existed" until the
    # month's first change, because checkpoints were stamped with that change's time.
    store.append(
        [change("light.a", "on", us(2026, 1, 10)), change("light.b", "off", us(2026, 1, 31, 23))],
        POLICY,
    )
    store.append([change("light.b", "on", us(2026, 2, 1, 6))], POLICY)  # the first change in Feb
    night = store.state_at(["light.a", "light.b"], us(2026, 2, 1, 3))
    assert {k: r.new_state for k, r in night.items()} == {"light.a": "on", "light.b": "off"}
    assert night["light.a"].last_changed_us == us(2026, 1, 10)
    assert {k: r.new_state for k, r in store.state_at(None, us(2026, 2, 1, 3)).items()} == {
        "light.a": "on", "light.b": "off",
    }  # fmt: skip
    assert store.state_at(["light.b"], us(2026, 2, 1, 7))["light.b"].new_state == "on"
    # The answer at every instant stays true once January is dropped by retention.
    assert store.drop_partition("2026-01", archive=False)
    assert store.state_at(["light.a"], us(2026, 2, 1, 0))["light.a"].new_state == "on"
    assert store.verify().ok


def test_state_at_falls_back_for_stores_with_late_checkpoints(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stores written before the fix stamped checkpoints at the first row of the month.
    late = us(2026, 2, 1, 6)

    def stamped_late(month: str, previous: Any) -> list[Record]:
        return [replace(r, time_us=late) for r in month_checkpoints(month, previous)]

    monkeypatch.setattr(sys.modules[type(store).__module__], "month_checkpoints", stamped_late)
    store.append([change("light.a", "on", us(2026, 1, 10))], POLICY)
    store.append([change("light.b", "on", late), change("light.a", "off", us(2026, 2, 2))], POLICY)
    assert store.state_at(["light.a", "light.b"], us(2026, 2, 1, 3)).keys() == {"light.a"}
    assert store.state_at(["light.a"], us(2026, 2, 1, 3))["light.a"].new_state == "on"
    assert {k: r.new_state for k, r in store.state_at(None, us(2026, 2, 1, 3)).items()} == {
        "light.a": "on"
    }


def test_history_pages_and_filters(store: Store) -> None:
    t = us(2026, 4, 1)
    store.append([change("light.a", str(i), t + i) for i in range(10)], POLICY)
    page1 = store.history(["light.a"], t, t + 100, None, 0, 4)
    page2 = store.history(["light.a"], t, t + 100, None, page1[-1].seq, 4)
    page3 = store.history(["light.a"], t, t + 100, None, page2[-1].seq, 4)
    assert [r.new_state for r in page1 + page2 + page3] == [str(i) for i in range(10)]
    assert store.history(["light.b"], t, t + 100, None, 0, 4) == []
    assert store.history(None, t, t + 100, ["entity_added"], 0, 4) == []


def test_history_pages_newest_first_across_months(store: Store) -> None:
    t = us(2026, 4, 30, 23)
    store.append([change("light.a", str(i), t + i * 600_000_000) for i in range(12)], POLICY)
    seen, before = [], None
    end = t + 12 * 600_000_000
    while True:  # 12 rows 10 minutes apart: six in April, six in May, two files
        page = store.history(["light.a"], t, end, None, 0, 5, None, before or 2**62)
        seen += [r.new_state for r in page]
        if len(page) < 5:
            break
        before = page[-1].seq
    assert seen == [str(i) for i in reversed(range(12))]
    oldest_first = store.history(["light.a"], t, end, None, 0, 100)
    assert store.history(["light.a"], t, end, None, 0, 100, None, oldest_first[0].seq) == []
    after = oldest_first[9].seq
    newest_two = store.history(["light.a"], t, end, None, after, 100, None, 2**62)
    assert [r.new_state for r in newest_two] == ["11", "10"]  # after_seq still bounds it


def test_buckets_count_rows_and_end_in_the_newest(store: Store) -> None:
    t = us(2026, 4, 30, 22)  # four hours across the 1st of May: buckets in two files
    minute = 60_000_000
    rows = [change("light.a", "on" if i % 2 else "off", t + (i + 1) * minute) for i in range(240)]
    rows.append(change("sensor.b", "21.5", t + 30 * minute))
    rows.append(change("light.c", "on", t + 5 * minute))  # not asked for
    store.append(rows, POLICY)
    hour = 60 * minute
    found = store.buckets(["light.a", "sensor.b"], t, t + 4 * hour, hour)
    lanes = [(b.entity_id, b.index, b.count, b.last.new_state) for b in found]
    # (t + i*hour, t + (i+1)*hour]: the row at exactly t + 1 h belongs to the first bucket.
    assert lanes == [
        ("light.a", 0, 60, "on"),
        ("light.a", 1, 60, "on"),
        ("light.a", 2, 60, "on"),
        ("light.a", 3, 60, "on"),
        ("sensor.b", 0, 1, "21.5"),
    ]
    assert found[1].last.time_us == t + 2 * hour
    half = store.buckets(["light.a"], t + hour, t + 90 * minute, 7 * minute)
    assert sum(b.count for b in half) == 30
    assert store.buckets(["light.x"], t, t + hour, hour) == []


def test_actors_count_rows_per_entity(store: Store) -> None:
    t = us(2026, 4, 30, 23)
    user = Cause(kind="user", user_id="u1")
    run = Cause(kind="automation", entity_id="automation.night")
    store.append(
        [
            change("light.a", "on", t + 1, cause=user),
            change("light.a", "off", t + 2, cause=user),
            change("light.b", "on", t + 3, cause=user),
            change("light.a", "on", t + 2 * 3_600_000_000, cause=run),  # in May
            change("light.c", "on", t + 5),  # a device: no actor
        ],
        POLICY,
    )
    assert store.actors(t, t + 3 * 3_600_000_000) == {
        "u1": {"light.a": 2, "light.b": 1},
        "automation.night": {"light.a": 1},
    }
    assert store.actors(t + 10, t + 20) == {}


def test_drop_partition_keeps_chain_verifiable(store: Store, backend: Any) -> None:
    store.append([change("light.a", "on", us(2026, 1, 10))], POLICY)
    store.append([change("light.a", "off", us(2026, 2, 10))], POLICY)
    store.append([change("light.a", "on", us(2026, 3, 10))], POLICY)
    assert store.drop_partition("2026-01", archive=True)
    assert not store.drop_partition("2026-03", archive=False)  # the open month stays
    assert not store.drop_partition("2025-01", archive=False)
    assert backend.archived("2026-01")
    assert store.verify().ok
    stats = store.stats()
    assert stats.partitions == ("2026-02", "2026-03")
    assert stats.last_seq == 5
    assert stats.rows == 4
    # February's checkpoints answer from its first instant: the oldest time the log can answer.
    assert stats.oldest_time_us == us(2026, 2, 1)


def test_reopen_continues_the_chain(backend: Any) -> None:
    first = backend.make()
    first.open()
    first.append([change("light.a", "on", us(2026, 5, 1))], POLICY)
    first.close()
    again = backend.make()
    again.open()
    assert again.last_seq == 1
    again.append([change("light.a", "off", us(2026, 5, 2))], POLICY)
    assert again.verify().ok
    last = again.last_row()
    assert last is not None
    assert last.seq == 2
    assert again.latest_states()["light.a"].new_state == "off"
    again.close()


def sqlite_cli(path: Path, sql: str) -> str:
    """Run SQL through the sqlite3 command-line shell; return what it printed."""
    done = subprocess.run(  # noqa: S603 - our own SQL, in a test
        ["sqlite3", "-bail", str(path)],  # noqa: S607 - the shell on PATH, as a person would
        input=sql,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return done.stdout.strip()


def test_tampering_is_found(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    t = us(2026, 6, 1)
    store.append([change("light.a", str(i), t + i) for i in range(5)], POLICY)
    path = store.path_for("2026-06")
    # Behind the integration's back, with the sqlite3 shell: drop the trigger, edit a row, put
    # the trigger back (scripts/test installs the shell).
    trigger = sqlite_cli(path, "SELECT sql FROM sqlite_master WHERE name = 'log_no_update';")
    sqlite_cli(
        path,
        "DROP TRIGGER log_no_update;"
        " UPDATE log SET new_state = 'forged' WHERE seq = 3;"
        f" {trigger};",
    )
    with pytest.raises(subprocess.CalledProcessError):  # the trigger is back
        sqlite_cli(path, "UPDATE log SET new_state = 'again' WHERE seq = 4;")
    result = store.verify()
    assert (result.ok, result.first_bad_seq, result.reason) == (False, 3, "hash_mismatch")
    assert result.checked == 2


def test_tampered_attributes_and_deleted_rows_are_found(tmp_path: Path) -> None:
    for what in ("attrs", "delete"):
        store = SqliteStore(tmp_path / what)
        store.open()
        t = us(2026, 6, 1)
        store.append([change("light.a", str(i), t + i) for i in range(3)], POLICY)
        with closing(sqlite3.connect(store.path_for("2026-06"), isolation_level=None)) as conn:
            if what == "attrs":
                conn.execute("DROP TRIGGER attrs_no_update")
                conn.execute('UPDATE attrs SET json = \'{"friendly_name":"x"}\'')
            else:
                conn.execute("DROP TRIGGER log_no_delete")
                conn.execute("DELETE FROM log WHERE seq = 2")
        result = store.verify()
        assert not result.ok
        assert result.reason == ("attributes_altered" if what == "attrs" else "row_missing")
        assert result.first_bad_seq == (1 if what == "attrs" else 2)
        store.close()


def test_errors_are_translated(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    store = SqliteStore(blocker / "audit_trail")
    with pytest.raises(StoreError):
        store.open()
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "log-2026-01.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        SqliteStore(corrupt).open()
    empty = SqliteStore(tmp_path / "empty")
    with pytest.raises(StoreError, match="unable to open"):
        empty.append([change("light.a", "on", us(2026, 1, 1))], POLICY)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path)
    store.open()
    store.append([change("light.a", "on", us(2026, 1, 1))], POLICY)
    store.close()
    with closing(sqlite3.connect(tmp_path / "log-2026-01.db", isolation_level=None)) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer"):
        SqliteStore(tmp_path).open()


def test_causation_refs_become_seqs(store: Store) -> None:
    t = us(2026, 7, 1)
    seqs = store.append(
        [
            change("binary_sensor.m", "on", t, ref=11),
            change("light.a", "on", t + 1, ref=12, causation_ref=11),
        ],
        POLICY,
    )
    later = store.append([change("light.b", "on", t + 2, ref=13, causation_ref=12)], POLICY)
    assert store.row(seqs[1]).causation_seq == seqs[0]  # type: ignore[union-attr]
    assert store.row(later[0]).causation_seq == seqs[1]  # type: ignore[union-attr]
    assert [r.seq for r in store.chain(later[0])] == [later[0], seqs[1], seqs[0]]


def test_reads_in_threads_survive_closing_and_dropping(store: Store) -> None:
    """Pooled read connections are never closed under a running query (that crashes SQLite)."""
    t = us(2026, 3, 1)
    store.append([change(f"sensor.s{i % 50}", str(i), t + i) for i in range(3000)], POLICY)
    store.append([change("sensor.s1", "april", us(2026, 4, 2))], POLICY)
    failures: list[BaseException] = []
    answers: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                # A long-running statement (close() stops verify walks, so not verify).
                answers.append(len(store.history(None, 0, 2**62, None, 0, 10**6)))
                assert store.state_at(["sensor.s1"], t + 2000)["sensor.s1"].new_state == "1951"
            except BaseException as err:  # noqa: BLE001 - collected and asserted below
                failures.append(err)
                return

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 2.5
    while time.monotonic() < deadline:
        store.close()  # closes (or dooms, when in use) every pooled read connection
        time.sleep(0.0005)
    stop.set()
    for thread in threads:
        thread.join()
    assert failures == []
    assert answers
    assert set(answers) == {3000 + 1}  # the changes and April's (checkpoints are left out)
    store.open()
    assert store.drop_partition("2026-03", archive=False)
    assert store.state_at(["sensor.s1"], us(2026, 4, 3))["sensor.s1"].new_state == "april"


def test_a_closed_store_is_one_file_per_month(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    store.append([change("light.a", "on", us(2026, 3, 1))], POLICY)
    assert store.state_at(["light.a"], us(2026, 3, 2))["light.a"].new_state == "on"  # a reader
    store.close()
    assert sorted(p.name for p in store.directory.iterdir()) == ["log-2026-03.db"]


def test_partition_without_metadata_is_reported(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    store.append([change("light.a", "on", us(2026, 5, 1))], POLICY)
    path = store.path_for("2026-05")
    sqlite_cli(path, "DROP TRIGGER meta_no_delete; DELETE FROM meta WHERE key = 'first_seq';")
    result = store.verify()
    assert (result.ok, result.first_bad_seq, result.reason) == (
        False,
        1,
        "partition_metadata_missing",
    )


def test_closing_stops_a_running_verify_and_waits_for_it(store: Store) -> None:
    t = us(2026, 3, 1)
    store.append([change(f"sensor.s{i % 50}", str(i), t + i) for i in range(20_000)], POLICY)
    outcome: list[object] = []

    def walk() -> None:
        try:
            outcome.append(store.verify())
        except StoreError as err:
            outcome.append(err)

    walker = threading.Thread(target=walk)
    walker.start()
    time.sleep(0.05)
    store.close()
    assert outcome, "close() returned while the walk was still running"
    assert isinstance(outcome[0], StoreError)
    assert "stopped" in str(outcome[0])
    walker.join()
    # A walk started after the close is not stopped by it.
    assert store.verify().checked == 20_000


class CountingConnection:
    """A write connection that counts the statement runs (steps) of each INSERT, by table."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.steps: dict[str, int] = {}

    def _count(self, sql: str, runs: int) -> None:
        if sql.startswith("INSERT INTO "):
            table = sql.split()[2]
            self.steps[table] = self.steps.get(table, 0) + runs

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        self._count(sql, 1)
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, rows: list[object]) -> sqlite3.Cursor:
        rows = list(rows)
        self._count(sql, len(rows))  # executemany runs the statement once per row
        return self._conn.executemany(sql, rows)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def test_a_batch_is_inserted_with_a_few_statements_not_one_per_row(
    sqlite_store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 11: one SQLite step per row hands the GIL to a busy event loop once per row.
    from custom_components.audit_trail.store.schema import ROWS_PER_INSERT

    store = sqlite_store
    t = us(2026, 5, 1)
    store.append([change("light.a", "on", t)], POLICY)
    counting = CountingConnection(store._write_conn())
    monkeypatch.setattr(store, "_write_conn", lambda: counting)
    count = ROWS_PER_INSERT * 2 + 7
    seqs = store.append([change(f"light.{i % 9}", str(i), t + i) for i in range(count)], POLICY)
    monkeypatch.undo()
    assert seqs == list(range(2, count + 2))
    assert counting.steps["log"] == 3
    assert counting.steps["latest"] == 1
    assert store.verify().ok
    last_of_8 = max(i for i in range(count) if i % 9 == 8)
    assert store.state_at(["light.8"], t + count)["light.8"].new_state == str(last_of_8)
