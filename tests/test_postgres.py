"""PostgreSQL's own guarantees on a real server: privileges, triggers, instances, retention."""

from __future__ import annotations

import csv
import gzip
import io
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from custom_components.audit_trail.store.base import StoreError, StoreFullError
from custom_components.audit_trail.store.pg_pool import translate_errors
from custom_components.audit_trail.store.postgres import PostgresStore, months_after
from custom_components.audit_trail.store.reads import month_of
from custom_components.audit_trail.store.sqlite import SqliteStore

from .pg import Place, fresh_schema
from .test_store import POLICY, change, us


@pytest.fixture
def place() -> Iterator[Place]:
    with fresh_schema() as found:
        yield found


def opened(place: Place, instance: str = "default", **kw: object) -> PostgresStore:
    store = PostgresStore(place.writer_url, instance, owner_url=place.owner_url, **kw)  # type: ignore[arg-type]
    store.open()
    return store


def partitions(place: Place) -> list[str]:
    rows = place.owner_sql(
        "SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = 'log'::regclass ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


def test_the_writer_role_cannot_update_delete_or_truncate(place: Place) -> None:
    store = opened(place)
    store.append([change("light.a", "on", us(2026, 3, 1))], POLICY)
    store.close()
    with place.writer() as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("audit_writer",)
        for statement in (
            "UPDATE log SET new_state = 'off'",
            "DELETE FROM log",
            "TRUNCATE log",
            "TRUNCATE log_2026_03",
            "UPDATE log_2026_03 SET new_state = 'off'",
            "UPDATE attrs SET json = '{}'",
            "DELETE FROM names",
            "UPDATE heads SET seq = 0",
            "ALTER TABLE log DISABLE TRIGGER USER",
            "DROP TABLE log_2026_03",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # What it may do: read, and append (the trigger still checks the seq).
        assert conn.execute("SELECT count(*) FROM log").fetchone() == (1,)
    assert opened(place).verify().ok


def test_triggers_abort_update_delete_and_truncate_even_for_the_owner(place: Place) -> None:
    store = opened(place)
    store.append([change("light.a", "on", us(2026, 3, 1))], POLICY)
    store.close()
    for statement in (
        "UPDATE log SET new_state = 'off'",
        "DELETE FROM log",
        "UPDATE log_2026_03 SET new_state = 'off'",
        "DELETE FROM log_2026_03",
        "TRUNCATE log",
        "TRUNCATE log_2026_03",
        "UPDATE attrs SET json = '{}'",
        "DELETE FROM months",
        "TRUNCATE causes",
    ):
        with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
            place.owner_sql(statement)
    # A seq that does not continue the instance's head by one is refused, by anyone.
    with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="seq must increase"):
        place.owner_sql(
            "INSERT INTO log (instance, seq, time_us, event_type, cause, v, hash)"
            " SELECT instance, seq, time_us + 1, event_type, cause, v, hash FROM log"
        )
    assert place.owner_sql("SELECT count(*) FROM log") == [(1,)]


def tamper(place: Place, table: str, statement: str) -> None:
    """Change rows behind the store's back as the owner, with the table's trigger off."""
    place.owner_sql(
        f"ALTER TABLE {table} DISABLE TRIGGER USER; {statement};"
        f" ALTER TABLE {table} ENABLE TRIGGER USER"
    )


JUNE, JULY = "log_2026_06", "log_2026_07"
FORGED_ATTRS = 'UPDATE attrs SET json = \'{"friendly_name":"x"}\''
LINK = "UPDATE months SET prev_hash = '\\x01' WHERE month = "


@pytest.mark.parametrize(
    ("table", "statement", "found"),
    [
        (JUNE, f"UPDATE {JUNE} SET new_state = 'forged' WHERE seq = 3", (3, "hash_mismatch", 2)),
        ("attrs", FORGED_ATTRS, (1, "attributes_altered", 0)),
        (JUNE, f"DELETE FROM {JUNE} WHERE seq = 2", (2, "row_missing", 1)),
        (JUNE, f"DELETE FROM {JUNE} WHERE seq = 5", (5, "row_missing", 4)),
        (JULY, f"DELETE FROM {JULY} WHERE seq = 7", (7, "row_missing", 6)),
        ("months", f"{LINK}'2026-07'", (6, "partition_link_broken", 5)),
        ("months", f"{LINK}'2026-06'", (1, "hash_mismatch", 0)),
        ("months", "DELETE FROM months", (7, "partition_metadata_missing", 0)),
    ],
)
def test_tampering_is_found(
    place: Place, table: str, statement: str, found: tuple[int, str, int]
) -> None:
    store = opened(place)
    t = us(2026, 6, 1)
    store.append([change("light.a", str(i), t + i) for i in range(5)], POLICY)
    store.append([change("light.a", "july", us(2026, 7, 2))], POLICY)  # a checkpoint (6), 7
    assert store.verify().ok
    store.close()
    tamper(place, table, statement)
    result = opened(place).verify()
    assert (result.ok, result.first_bad_seq, result.reason, result.checked) == (False, *found)


def test_the_chain_is_byte_identical_to_sqlite(place: Place, tmp_path: Path) -> None:
    lite = SqliteStore(tmp_path / "lite")
    lite.open()
    pg = opened(place)
    t = us(2026, 1, 31, 23)
    for store in (lite, pg):
        store.append(
            [change(f"light.{i % 3}", str(i), t + i * 600_000_000) for i in range(20)], POLICY
        )
    lite_rows = lite.history(None, 0, 2**62, None, 0, 1000, None)
    pg_rows = pg.history(None, 0, 2**62, None, 0, 1000, None)
    assert [r.hash for r in pg_rows] == [r.hash for r in lite_rows]
    assert pg_rows == lite_rows
    assert pg.last_row() == lite.last_row()
    lite.close()
    pg.close()


def test_instances_share_a_database_and_keep_their_own_chains(place: Place) -> None:
    a, b = opened(place, "a"), opened(place, "b")
    t = us(2026, 3, 1)
    for i in range(4):
        a.append([change("light.a", f"a{i}", t + i)], POLICY)
        b.append([change("light.a", f"b{i}", t + i), change("light.b", "x", t + i)], POLICY)
    assert (a.last_seq, b.last_seq) == (4, 8)
    assert [r.new_state for r in a.history(None, 0, 2**62, None, 0, 100)] == [
        "a0",
        "a1",
        "a2",
        "a3",
    ]
    assert a.state_at(None, t + 10).keys() == {"light.a"}
    assert a.state_at(["light.b"], t + 10) == {}
    assert a.known(["light.a", "light.b"]) == {"light.a"}
    assert a.stats().rows == 4
    assert a.verify().ok
    assert b.verify().ok
    # An admin asks across instances: a read-only view of the other one.
    other = a.view("b")
    assert other.state_at(["light.a"], t + 10)["light.a"].new_state == "b3"
    assert other.last_seq == 8
    with pytest.raises(StoreError, match="not open for writing"):
        other.append([change("light.a", "on", t + 20)], POLICY)
    # Forging a row of a into the database breaks a's chain only.
    a.close()
    tamper(
        place,
        "log_2026_03",
        "UPDATE log_2026_03 SET new_state = 'forged' WHERE instance = 'a' AND seq = 2",
    )
    a = opened(place, "a")
    assert (a.verify().ok, a.verify().first_bad_seq) == (False, 2)
    assert b.verify().ok
    for store in (a, b, other):
        store.close()


def test_retention_drops_a_partition_once_no_instance_keeps_it(
    place: Place, tmp_path: Path
) -> None:
    a = opened(place, "a", archive_dir=tmp_path / "archive")
    b = opened(place, "b")
    for month in (1, 2, 3):
        for store in (a, b):
            store.append([change("light.a", f"{month}", us(2026, month, 10))], POLICY)
    assert "log_2026_01" in partitions(place)
    assert a.drop_partition("2026-01", archive=True)
    assert "log_2026_01" in partitions(place)  # b still keeps January
    assert a.stats().partitions == ("2026-02", "2026-03")
    assert a.state_at(["light.a"], us(2026, 1, 20)) == {}
    assert b.state_at(["light.a"], us(2026, 1, 20))["light.a"].new_state == "1"
    assert not a.drop_partition("2026-03", archive=False)  # the month being written
    assert not a.drop_partition("2026-01", archive=False)  # already let go
    assert b.drop_partition("2026-01", archive=False)
    assert "log_2026_01" not in partitions(place)
    assert a.verify().ok
    assert b.verify().ok
    # The archive holds a's January, names and attribute sets resolved.
    with gzip.open(tmp_path / "archive" / "log-a-2026-01.csv.gz", "rt") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    assert rows[0][:4] == ["seq", "time_us", "name", "name"]
    assert [(r[0], r[3], r[9]) for r in rows[1:]] == [("1", "light.a", "1")]
    with pytest.raises(StoreError, match="archiving needs a directory"):
        b.drop_partition("2026-02", archive=True)
    a.close()
    b.close()


def test_late_rows_stay_verifiable_after_retention(place: Place) -> None:
    store = opened(place)
    store.append([change("light.a", "jan", us(2026, 1, 10))], POLICY)
    store.append([change("light.a", "feb", us(2026, 2, 10))], POLICY)
    store.append([change("light.b", "mar", us(2026, 3, 10))], POLICY)
    # A clock that went back: rows whose time lies in an earlier (kept, then dropped) month.
    store.append([change("light.c", "late", us(2026, 2, 20))], POLICY)
    assert store.verify().ok
    assert store.drop_partition("2026-01", archive=False)
    assert store.drop_partition("2026-02", archive=False)
    assert store.stats().partitions == ("2026-03",)
    result = store.verify()
    assert (result.ok, result.reason) == (True, None)
    # Older than every kept month: stored, bridged at once, the chain still verifies.
    seqs = store.append([change("light.c", "older", us(2025, 6, 1))], POLICY)
    store.append([change("light.c", "now", us(2026, 3, 20))], POLICY)
    assert store.row(seqs[0]) is None  # outside the kept months
    assert store.verify().ok
    store.close()


def test_open_is_quick_when_current_and_refuses_a_newer_schema(place: Place) -> None:
    opened(place).close()
    started = time.perf_counter()
    again = opened(place)
    took = time.perf_counter() - started
    again.close()
    assert place.owner_sql("SELECT version FROM migrations") == [(1,)]
    # Partitions are made ahead of time: this month and the two after it.
    now = month_of(int(time.time() * 1e6))
    assert {f"log_{m.replace('-', '_')}" for m in months_after(now, 2)} <= set(partitions(place))
    print(f"open with a current schema: {took * 1000:.1f} ms")  # noqa: T201 - a figure, not a bound
    place.owner_sql("INSERT INTO migrations (version, name) VALUES (99, 'from the future')")
    with pytest.raises(StoreError, match="newer"):
        opened(place)


def test_without_an_owner_the_writer_migrates_its_own_schema(place: Place) -> None:
    place.owner_sql(f"GRANT USAGE, CREATE ON SCHEMA {place.schema} TO audit_writer")
    store = PostgresStore(place.writer_url)
    store.open()
    store.append([change("light.a", "on", us(2026, 3, 1))], POLICY)
    assert store.verify().ok
    assert place.owner_sql(
        "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'log'"
    ) == [("audit_writer",)]
    store.close()


def test_pipelined_inserts_keep_the_contract(place: Place) -> None:
    store = opened(place, insert_mode="executemany")
    t = us(2026, 4, 30, 23)
    seqs = store.append(
        [change(f"light.{i % 4}", str(i), t + i * 600_000_000) for i in range(12)], POLICY
    )
    assert seqs == [*range(1, 7), *range(11, 17)]  # May's checkpoints of 4 entities: 7 to 10
    assert store.stats().partitions == ("2026-04", "2026-05")
    assert store.verify().ok
    store.close()
    with pytest.raises(ValueError, match="insert_mode"):
        PostgresStore(place.writer_url, insert_mode="nope")


def test_errors_are_translated(place: Place) -> None:
    with pytest.raises(StoreError, match="opening the store"):
        PostgresStore("postgresql://nobody:wrong@127.0.0.1:1/none").open()
    with pytest.raises(StoreFullError), translate_errors("writing"):
        raise psycopg.errors.DiskFull("could not extend file")
    never_opened = PostgresStore(place.writer_url)
    with pytest.raises(StoreError, match="not open for writing"):
        never_opened.append([change("light.a", "on", us(2026, 1, 1))], POLICY)
    failing = opened(place)
    failing.append([change("light.a", "on", us(2026, 1, 1))], POLICY)
    place.owner_sql("REVOKE INSERT ON log FROM audit_writer")
    with pytest.raises(StoreError, match="appending"):
        failing.append([change("light.a", "off", us(2026, 1, 2))], POLICY)
    assert failing.last_seq == 1  # the head is put back
    place.owner_sql("GRANT INSERT ON log TO audit_writer")
    assert failing.append([change("light.a", "off", us(2026, 1, 2))], POLICY) == [2]
    assert failing.verify().ok
    failing.close()


def test_a_dropped_write_connection_is_opened_again(place: Place) -> None:
    store = opened(place)
    store.append([change("light.a", "on", us(2026, 3, 1))], POLICY)
    pid = store._write.info.backend_pid  # type: ignore[union-attr]
    with place.writer() as conn:  # a server restart, as the writer's own role may do it
        conn.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))  # waits until gone
    with pytest.raises(StoreError, match="appending"):  # the batch that met the drop
        store.append([change("light.a", "off", us(2026, 3, 2))], POLICY)
    assert store.append([change("light.a", "off", us(2026, 3, 2))], POLICY) == [2]
    assert store.verify().ok
    assert store.state_at(["light.a"], us(2026, 3, 3))["light.a"].new_state == "off"
    store.close()
