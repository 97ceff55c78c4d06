"""The spool and the spooling store against a real PostgreSQL (a fresh schema per test).

An outage is made on the server's side: the writer's own connections are terminated with
pg_terminate_backend, and "the server is away" is a URL nothing listens on. Only a commit whose
answer is lost is a test double (the commit lands, then the call fails), as it is a network
event no server setting reproduces on demand.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from unittest.mock import patch

import psycopg
import pytest

from custom_components.audit_trail.models import (
    ET_GAP,
    ET_STATE_CHANGED,
    KIND_AUTOMATION,
    KIND_DEVICE,
    Cause,
    EntityMeta,
    Record,
)
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.base import AuditStore, StoreError, StoreUnavailableError
from custom_components.audit_trail.store.pg_probe import is_outage
from custom_components.audit_trail.store.postgres import PostgresStore
from custom_components.audit_trail.store.spool import Spool, decode_record, encode_record
from custom_components.audit_trail.store.spooling import Health, SpoolingStore

from .pg import Place, fresh_schema

POLICY = Policy.from_options({})
T0 = 1_780_000_000_000_000  # 2026-05-28
DEAD_URL = "postgresql://nobody:x@127.0.0.1:1/none?connect_timeout=2"
END = 2**62


def change(entity: str, state: str, offset: int, ref: int = 0, **kw: object) -> Record:
    kw.setdefault("cause", Cause(kind=KIND_DEVICE))
    return Record(
        ref=ref,
        time_us=T0 + offset,
        event_type=ET_STATE_CHANGED,
        entity_id=entity,
        new_state=state,
        new_attributes={"friendly_name": entity, "latitude": 1.0},
        **kw,  # type: ignore[arg-type]
    )


class Server:
    """Builds the spooling store's server stores: the real schema, or nowhere while 'down'."""

    def __init__(self, place: Place) -> None:
        self.tag = f"spool_{uuid.uuid4().hex[:8]}"
        self.url = f"{place.writer_url}&application_name={self.tag}"
        self.owner = place.owner_url
        self.up = True
        self.lose_next_answer = False
        self.fail_in = -1  # appends until one fails before it commits (-1: never)

    def __call__(self) -> PostgresStore:
        if not self.up:
            return PostgresStore(DEAD_URL)
        store = _LostAnswer(self.url, "default", self.owner)
        store.server = self
        return store

    def cut(self) -> None:
        """Terminate every connection of this test's stores (the server drops them)."""
        with closing(psycopg.connect(self.url.replace(self.tag, "cutter"), autocommit=True)) as c:
            c.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = %s",
                (self.tag,),
            )


class _LostAnswer(PostgresStore):
    """A server store whose next append commits, then fails as if the answer were lost."""

    server: Server

    def append(self, records: Sequence[Record], policy: Policy) -> list[int]:
        if self.server.fail_in == 0:
            self.server.fail_in = -1
            raise StoreUnavailableError("the connection dropped before COMMIT")
        self.server.fail_in -= 1
        seqs = super().append(records, policy)
        if self.server.lose_next_answer:
            self.server.lose_next_answer = False
            raise StoreUnavailableError("the connection dropped before COMMIT's answer")
        return seqs


@pytest.fixture
def place() -> Iterator[Place]:
    with fresh_schema() as found:
        yield found


def _make(server: Server, path: Path, health: list[Health], rows: int = 1000) -> SpoolingStore:
    store = SpoolingStore(server, Spool(path, rows, 10_000_000), health.append)
    store.open()
    return store


def _states(store: SpoolingStore, entity: str = "light.a") -> list[str | None]:
    rows = store.history([entity], 0, END, None, 0, 10_000)
    seqs = [r.seq for r in rows]
    assert seqs == sorted(set(seqs))
    return [r.new_state for r in rows]


def test_record_survives_the_spool() -> None:
    record = Record(
        ref=7,
        time_us=T0,
        event_type=ET_STATE_CHANGED,
        cause=Cause(
            kind=KIND_AUTOMATION,
            entity_id="automation.night",
            runs=[{"entity_id": "automation.night", "trigger": "time"}],
        ),
        entity_id="light.a",
        meta=EntityMeta("reg1", "dev1", "kitchen", "hue"),
        old_state="off",
        new_state="on",
        old_attributes={"brightness": 10},
        new_attributes={
            "when": dt.datetime(2026, 5, 28, tzinfo=dt.UTC),
            "big": 2**70 + 1,
            "latitude": 1,
        },
        last_changed_us=T0 - 5,
        context_id="01J0000000000000000000000A",
        causation_ref=3,
        payload={"k": [1, 2]},
    )
    back = decode_record(encode_record(record, POLICY))
    assert back.new_attributes == {"when": "2026-05-28T00:00:00+00:00", "big": 2**70 + 1}
    assert back.cause == record.cause
    assert back.meta == record.meta
    for name in ("ref", "time_us", "old_state", "new_state", "context_id", "causation_ref"):
        assert getattr(back, name) == getattr(record, name)
    assert back.payload == {"k": [1, 2]}


def test_outage_spools_and_forwards_in_order(place: Place, tmp_path: Path) -> None:
    server, health = Server(place), []
    store = _make(server, tmp_path / "spool.db", health)
    assert store.prepare(POLICY) == []
    assert store.state == "ready"
    assert store.append([change("light.a", "1", 1, ref=1)], POLICY) == [1]
    server.cut()
    server.up = False
    caused = change("light.a", "2", 2, causation_ref=1)  # caused by a row written before
    assert store.append([caused], POLICY) == []  # spooled
    assert store.append([change("light.a", "3", 3)], POLICY) == []
    assert store.health() == Health("unreachable", store.health().error, 2, 0)
    with pytest.raises(StoreUnavailableError):
        store.state_at(["light.a"], T0 + 10)
    assert store.retry(POLICY) == []  # still away
    server.up = True
    assert store.retry(POLICY) == [2, 3]
    assert store.append([change("light.a", "4", 4)], POLICY) == [4]
    assert _states(store) == ["1", "2", "3", "4"]
    # The server store made after the outage never saw ref 1; the spooling store did.
    assert store.row(2).causation_seq == 1  # type: ignore[union-attr]
    assert store.verify().ok
    states = [h.state for h in health]
    assert [s for i, s in enumerate(states) if i == 0 or states[i - 1] != s] == [
        "ready",
        "unreachable",
        "ready",
    ]
    assert health[-1].spooled == 0
    store.close()


def test_answer_lost_after_commit_is_not_written_twice(place: Place, tmp_path: Path) -> None:
    server, health = Server(place), []
    store = _make(server, tmp_path / "spool.db", health)
    store.prepare(POLICY)
    server.lose_next_answer = True
    assert store.append([change("light.a", "1", 1), change("light.a", "2", 2)], POLICY) == []
    assert store.health().spooled == 2  # the store cannot know the commit landed
    assert store.append([change("light.a", "3", 3)], POLICY) == []
    assert store.retry(POLICY) == [3]  # the first two were found on the server, not resent
    assert _states(store) == ["1", "2", "3"]
    assert store.verify().ok
    store.close()


def test_full_spool_becomes_one_gap_row(place: Place, tmp_path: Path) -> None:
    server, health = Server(place), []
    store = _make(server, tmp_path / "spool.db", health, rows=5)
    store.prepare(POLICY)
    server.cut()
    server.up = False
    batch = [change("light.a", str(i), i + 1) for i in range(8)]
    assert store.append(batch, POLICY) == []
    assert store.health().spooled == 5
    assert store.health().lost == 3
    server.up = True
    seqs = store.retry(POLICY)
    assert len(seqs) == 6  # five changes and the gap
    assert _states(store) == ["0", "1", "2", "3", "4"]
    gap = store.history(None, 0, END, [ET_GAP], 0, 10)
    assert len(gap) == 1
    assert gap[0].payload is not None
    assert gap[0].payload["lost"] == 3
    assert gap[0].payload["reason"] == "spool_full"
    assert (gap[0].payload["from_us"], gap[0].payload["to_us"]) == (T0 + 6, T0 + 8)
    assert gap[0].payload["entities"] == ["light.a"]
    assert store.health().lost == 0
    assert store.verify().ok
    store.close()


def test_start_during_outage_after_a_crash(place: Place, tmp_path: Path) -> None:
    """A start finds the spool of a run that never closed; refs of the two runs stay apart."""
    server, health = Server(place), []
    path = tmp_path / "spool.db"
    first = _make(server, path, health)
    first.prepare(POLICY)
    first.append([change("light.a", "on", 1, ref=1), change("light.b", "x", 2, ref=2)], POLICY)
    server.cut()
    server.up = False
    first.append([change("light.a", "off", 3, ref=3)], POLICY)  # spooled, then a crash:
    first._spool.close()  # the file stays as the crash left it (no clean close)

    second = _make(server, path, health)
    assert not second.clean_start
    assert second.prepare(POLICY) == []
    assert second.state == "unreachable"
    known = second.latest_states()
    assert {e: r.new_state for e, r in known.items()} == {"light.a": "off", "light.b": "x"}
    last = second.last_row()
    assert last is not None
    assert last.time_us == T0 + 3
    # This start numbers its records from 1 again: its ref 3 is not the first run's ref 3.
    second.append(
        [change("light.c", "on", 4, ref=3), change("light.d", "on", 5, causation_ref=3)], POLICY
    )
    server.up = True
    assert second.retry(POLICY) == [3, 4, 5]
    assert _states(second) == ["on", "off"]
    caused = second.history(["light.d"], 0, END, None, 0, 10)[0]
    assert caused.causation_seq == 4  # light.c of this run, not light.a of the first
    assert second.verify().ok
    second.close()

    third = _make(server, path, health)
    assert third.clean_start
    assert {e: r.new_state for e, r in third.latest_states().items()}["light.d"] == "on"
    third._spool.close()  # this run crashes before writing anything

    server.up = False
    fourth = _make(server, path, health)
    assert not fourth.clean_start
    fourth.prepare(POLICY)
    last = fourth.last_row()
    assert last is not None
    # The last row saved is the clean close's, from before the crashed run: not to be trusted
    # as a clean stop (Audit Trail records the gap as an unclean shutdown).
    assert last.event_type == "unknown"
    fourth.close()


@pytest.mark.parametrize("how", ["before_commit", "answer_lost"])
def test_forwarding_interrupted_by_a_second_outage(place: Place, tmp_path: Path, how: str) -> None:
    server, health = Server(place), []
    store = _make(server, tmp_path / "spool.db", health)
    store.prepare(POLICY)
    server.cut()
    server.up = False
    store.append([change("light.a", str(i), i + 1) for i in range(7)], POLICY)
    server.up = True
    with patch("custom_components.audit_trail.store.spooling.SPOOL_DRAIN_ROWS", 3):
        if how == "before_commit":
            server.fail_in = 1  # the second chunk fails before it commits
        else:
            server.fail_in, server.lose_next_answer = 1, False
        first = store.retry(POLICY)
        if how == "answer_lost":
            # The second chunk commits and its answer is lost.
            server.fail_in, server.lose_next_answer = -1, True
            first += store.retry(POLICY)
        assert store.state == "unreachable"
        rest = store.retry(POLICY)
    assert store.state == "ready"
    seqs = first + rest  # a chunk whose answer was lost is found written, not returned
    assert seqs == sorted(set(seqs))
    assert seqs[:3] == [1, 2, 3]
    assert seqs[-1] == 7
    assert _states(store) == [str(i) for i in range(7)]
    assert store.health().spooled == 0
    assert store.verify().ok
    store.close()


def test_reads_pass_through_and_fail_while_away(place: Place, tmp_path: Path) -> None:
    server, health = Server(place), []
    store = _make(server, tmp_path / "spool.db", health)
    assert store.stats().rows == 0  # before the server answered: nothing known yet
    store.prepare(POLICY)
    user = Cause(kind="user", user_id="u1")
    store.append(
        [change("light.a", "on", 1, ref=1), change("light.a", "off", 2, cause=user)], POLICY
    )
    assert store.known_entities() == {"light.a"}
    assert store.known(["light.a", "light.z"]) == {"light.a"}
    assert store.state_at(["light.a"], T0 + 1)["light.a"].new_state == "on"
    assert [b.count for b in store.buckets(["light.a"], T0, T0 + 10, 10)] == [2]
    assert store.actors(T0, T0 + 10) == {"u1": {"light.a": 1}}
    assert store.row(2) is not None
    assert store.chain(2)[0].seq == 2
    assert store.seq_of_ref(1) == 1
    assert store.drop_partition("2020-01", archive=False) is False
    stats = store.stats()
    assert stats.rows == 2
    server.cut()
    server.up = False
    store.append([change("light.a", "on", 3)], POLICY)
    for read in (
        store.known_entities,
        lambda: store.known(["light.a"]),
        lambda: store.buckets(["light.a"], T0, T0 + 10, 10),
        lambda: store.actors(T0, T0 + 10),
        lambda: store.row(1),
        lambda: store.chain(1),
        store.verify,
    ):
        with pytest.raises(StoreUnavailableError, match="unreachable"):
            read()
    assert store.stats() == stats  # the last figures seen
    assert store.last_seq == 2
    store.close()


def test_is_outage_tells_errors_apart() -> None:
    assert not is_outage(StoreError("a constraint was violated"))
    assert is_outage(StoreUnavailableError("away"))
    wrapped = StoreError("appending")
    wrapped.__cause__ = psycopg.InterfaceError("the connection is closed")
    assert is_outage(wrapped)


def test_unloaded_while_copying_leaves_no_connection(place: Place, tmp_path: Path) -> None:
    server, health = Server(place), []
    opened: list[PostgresStore] = []

    def copy(inner: AuditStore) -> None:  # the store is unloaded while this runs
        assert isinstance(inner, PostgresStore)
        opened.append(inner)
        store.close()

    store = SpoolingStore(server, Spool(tmp_path / "spool.db", 10, 10_000), health.append, copy)
    store.open()
    assert store.prepare(POLICY) == []
    assert opened[0]._write is None  # the server store it opened is closed again
    assert store.retry(POLICY) == []  # and nothing connects any more
    assert [h.state for h in health] == ["copying"]


def test_health_while_the_store_closes(tmp_path: Path) -> None:
    """health() runs on the event loop while an unload closes the store in an executor.

    It read the spool's file for the lost count after checking that the store was open, so a
    close in between made it raise "the spool is not open" (a flaky CI run of the reconfigure
    flow test). Here the health call is held right after that check until the close is done.
    """
    spool = Spool(tmp_path / "spool.db", 10, 10_000)
    store = SpoolingStore(lambda: PostgresStore(DEAD_URL), spool, lambda _: None)
    store.open()
    in_get, closed = threading.Event(), threading.Event()
    original = spool.get
    asker = threading.current_thread()

    def held_get(key: str) -> object:
        if threading.current_thread() is not asker:
            in_get.set()
            closed.wait(10)
        return original(key)

    answers: list[Health | BaseException] = []

    def ask() -> None:
        try:
            answers.append(store.health())
        except BaseException as err:  # noqa: BLE001 - the answer under test
            answers.append(err)

    with patch.object(spool, "get", held_get):
        thread = threading.Thread(target=ask)
        thread.start()
        in_get.wait(0.5)  # the old health() reads the spool here; the new one never does
        store.close()
        closed.set()
        thread.join(10)
    assert len(answers) == 1
    assert isinstance(answers[0], Health), answers[0]
    assert answers[0].lost == 0


def test_lost_count_survives_a_restart(tmp_path: Path) -> None:
    """What the full spool could not keep is still reported after a restart (no server)."""
    path = tmp_path / "spool.db"
    store = SpoolingStore(lambda: PostgresStore(DEAD_URL), Spool(path, 2, 10_000), lambda _: None)
    store.open()
    assert store.append([change("light.a", str(i), i + 1) for i in range(5)], POLICY) == []
    assert (store.health().spooled, store.health().lost) == (2, 3)
    store.close()
    again = SpoolingStore(lambda: PostgresStore(DEAD_URL), Spool(path, 2, 10_000), lambda _: None)
    again.open()
    assert (again.health().spooled, again.health().lost) == (2, 3)
    again.close()


def test_unloaded_while_copying_is_not_an_error(
    place: Place, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The copy hook finds the spool closed under it (an unload): no error, no repair issue."""
    server, health = Server(place), []
    spool = Spool(tmp_path / "spool.db", 10, 10_000)

    def copy(_: AuditStore) -> None:
        store.close()
        spool.set("copied", value=True)  # what the real hook does last

    store = SpoolingStore(server, spool, health.append, copy)
    store.open()
    assert store.prepare(POLICY) == []
    assert "could not prepare" not in caplog.text
    assert [h.state for h in health] == ["copying"]
