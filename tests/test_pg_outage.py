"""Audit Trail on a real PostgreSQL server that goes away: the spool keeps every change.

The cluster belongs to this module (initdb, pg_ctl), so the tests can stop and start it under
a running Home Assistant. Each test writes as its own instance of the one database.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from typing import Any
from unittest.mock import patch

import psycopg
import pytest
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    get_system_health_info,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.audit_trail import backend
from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN, SPOOL_RETRY_S, TITLE
from custom_components.audit_trail.models import (
    ET_ENTITY_ADDED,
    ET_GAP,
    ET_STATE_CHANGED,
    StoredRow,
)
from custom_components.audit_trail.store.spooling import SpoolingStore

from .helpers import call_held, flush
from .pg_cluster import Cluster

END = 2**62
CHANGES = [ET_ENTITY_ADDED, ET_STATE_CHANGED]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """Make a PostgreSQL cluster of this module's own."""
    found = Cluster()
    try:
        yield found
    finally:
        found.remove()


@pytest.fixture
def running(cluster: Cluster) -> Cluster:
    """Return the cluster, started if a test before left it stopped."""
    if not cluster.running():
        cluster.start()
    return cluster


def pg_entry(url: str) -> MockConfigEntry:
    """Build a PostgreSQL entry as the config flow creates it, with an instance of its own."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=TITLE,
        data={"backend": "postgresql", "url": url, "instance": f"t{uuid.uuid4().hex[:8]}"},
        options=dict(DEFAULT_OPTIONS),
    )


async def _setup(hass: HomeAssistant, entry: MockConfigEntry) -> SpoolingStore:
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    store = entry.runtime_data.store
    assert isinstance(store, SpoolingStore)
    return store


async def _rows(hass: HomeAssistant, store: SpoolingStore, entity: str) -> list[StoredRow]:
    out: list[StoredRow] = []
    while True:
        page = await hass.async_add_executor_job(
            store.history, [entity], 0, END, CHANGES, out[-1].seq if out else 0, 1000
        )
        out += page
        if len(page) < 1000:
            return out


async def _stream(hass: HomeAssistant, values: list[str], start: int, count: int) -> None:
    """Change a sensor `count` times, a few milliseconds apart (a busy home)."""
    for i in range(start, start + count):
        hass.states.async_set("sensor.stream", str(i), {"i": i})
        values.append(str(i))
        await asyncio.sleep(0.002)


async def test_postgresql_entry_records_and_reports(
    hass: HomeAssistant, running: Cluster, hass_client: ClientSessionGenerator
) -> None:
    entry = pg_entry(running.url)
    entry.add_to_hass(hass)
    store = await _setup(hass, entry)
    assert store.state == "ready"
    hass.states.async_set("light.kitchen", "on")
    await flush(hass, entry)
    rows = await _rows(hass, store, "light.kitchen")
    assert [r.new_state for r in rows] == ["on"]

    diag = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diag["backend"]["backend"] == "postgresql"
    assert diag["backend"]["url"] == running.url.replace("audit:audit@", "audit:**REDACTED**@")
    assert diag["backend"]["server"] == {"state": "ready", "error": None, "spooled": 0, "lost": 0}
    assert ":audit@" not in str(diag)

    assert await async_setup_component(hass, "system_health", {})
    info = await get_system_health_info(hass, DOMAIN)
    assert info["postgres_state"] == "ready"
    assert info["spooled"] == 0
    assert (await hass.async_add_executor_job(store.verify)).ok
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_outage_with_restart_loses_nothing(
    hass: HomeAssistant, running: Cluster, hass_client: ClientSessionGenerator
) -> None:
    """Stop the server mid-stream, restart Home Assistant during the outage, start it again."""
    entry = pg_entry(running.url)
    entry.add_to_hass(hass)
    store = await _setup(hass, entry)
    await flush(hass, entry)
    values: list[str] = []
    await _stream(hass, values, 0, 100)
    stopping = hass.async_add_executor_job(running.stop)
    await _stream(hass, values, 100, 300)  # while the server shuts down, and after
    await stopping
    await _stream(hass, values, 400, 100)
    await flush(hass, entry)
    assert store.state == "unreachable"
    assert store.health().spooled > 0
    issue = ir.async_get(hass).async_get_issue(DOMAIN, "postgres_unreachable")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert int(issue.translation_placeholders["spooled"]) > 0
    diag = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diag["backend"]["server"]["state"] == "unreachable"
    assert diag["backend"]["server"]["spooled"] == store.health().spooled
    assert diag["backend"]["server"]["error"]
    assert ":audit@" not in str(diag)
    with pytest.raises(HomeAssistantError) as asked:
        await hass.services.async_call(
            DOMAIN, "state_at", {"entity_id": ["sensor.stream"], "at": "-1m"},
            blocking=True, return_response=True,
        )  # fmt: skip
    assert asked.value.translation_key == "store_unreachable"

    # Home Assistant restarts during the outage: unload and set up anew from the files alone.
    assert await hass.config_entries.async_unload(entry.entry_id)
    store = await _setup(hass, entry)
    assert store.state == "unreachable"
    await _stream(hass, values, 500, 100)
    await flush(hass, entry)
    spooled = store.health().spooled
    assert spooled >= 100

    await hass.async_add_executor_job(running.start)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=SPOOL_RETRY_S + 1))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert store.state == "ready"
    assert store.health().spooled == 0
    assert ir.async_get(hass).async_get_issue(DOMAIN, "postgres_unreachable") is None

    rows = await _rows(hass, store, "sensor.stream")
    assert [r.new_state for r in rows] == values  # every change once, in capture order
    seqs = [r.seq for r in rows]
    assert seqs == sorted(set(seqs))
    times = [r.time_us for r in rows]
    assert times == sorted(times)
    result = await hass.async_add_executor_job(store.verify)
    assert result.ok, result
    gaps: list[Any] = await hass.async_add_executor_job(
        store.history, None, 0, END, [ET_GAP], 0, 100
    )
    assert [g.cause.get("reason") for g in gaps] == ["not_running"]  # the restart, no loss
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_start_never_waits_for_the_server(hass: HomeAssistant, running: Cluster) -> None:
    entry = pg_entry(running.url)
    entry.add_to_hass(hass)
    # The first start (no states saved yet) waits a little for the server: here, not at all.
    with patch.object(backend, "PREPARE_WAIT_S", 0.0):
        assert await hass.config_entries.async_setup(entry.entry_id)
    store = entry.runtime_data.store
    assert store.state in ("preparing", "ready")
    hass.states.async_set("light.hall", "on")
    await hass.async_block_till_done(wait_background_tasks=True)
    await flush(hass, entry)
    assert store.state == "ready"
    assert [r.new_state for r in await _rows(hass, store, "light.hall")] == ["on"]
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_schema_problem_is_reported_and_changes_wait(
    hass: HomeAssistant, running: Cluster
) -> None:
    entry = pg_entry(running.url)
    entry.add_to_hass(hass)
    store = await _setup(hass, entry)
    await flush(hass, entry)
    assert await hass.config_entries.async_unload(entry.entry_id)
    # A newer Audit Trail migrated the database: this one must not write into it.
    with closing(psycopg.connect(running.url, autocommit=True)) as conn:
        conn.execute("INSERT INTO migrations (version, name) VALUES (99, 'from the future')")
    try:
        store = await _setup(hass, entry)
        await hass.async_block_till_done(wait_background_tasks=True)
        assert store.state == "failed"
        issue = ir.async_get(hass).async_get_issue(DOMAIN, "postgres_failed")
        assert issue is not None
        assert issue.translation_placeholders is not None
        assert "newer" in issue.translation_placeholders["error"]
        hass.states.async_set("light.hall", "on")
        await flush(hass, entry)
        assert store.health().spooled > 0  # kept for when the problem is fixed
        assert await hass.config_entries.async_unload(entry.entry_id)
    finally:
        with closing(psycopg.connect(running.url, autocommit=True)) as conn:
            conn.execute("DELETE FROM migrations WHERE version = 99")
    store = await _setup(hass, entry)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert store.state == "ready"
    assert store.health().spooled == 0
    assert [r.new_state for r in await _rows(hass, store, "light.hall")] == ["on"]
    assert ir.async_get(hass).async_get_issue(DOMAIN, "postgres_failed") is None
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_driver_that_cannot_be_installed_retries_setup(
    hass: HomeAssistant, running: Cluster
) -> None:
    entry = pg_entry(running.url)
    entry.add_to_hass(hass)
    with (
        patch.object(backend, "PG_REQUIREMENT", "audit-trail-no-such-driver==0.0.1"),
        patch.object(backend, "PG_REQUIREMENT_FALLBACK", "audit-trail-no-such-either==0.0.1"),
        patch("homeassistant.util.package.install_package", return_value=False),
    ):
        assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    assert "audit-trail-no-such-driver" in entry.reason


async def test_a_retry_tick_never_waits_behind_the_last_one(
    hass: HomeAssistant, running: Cluster
) -> None:
    """A long drain holds the store's lock: ticks meanwhile are skipped, not queued on threads."""
    entry = pg_entry(running.url)
    entry.add_to_hass(hass)
    store = await _setup(hass, entry)
    await hass.async_add_executor_job(running.stop)
    hass.states.async_set("sensor.stream", "during")
    await flush(hass, entry)  # spooled: the server is away
    assert store.health().spooled > 0
    try:
        with call_held(store, "retry") as held:  # as a drain of a full spool would
            for tick in range(1, 4):
                async_fire_time_changed(
                    hass, dt_util.utcnow() + timedelta(seconds=tick * SPOOL_RETRY_S + 1)
                )
                await asyncio.sleep(0.05)
            assert len(held.calls) == 1  # one try under way, the next ticks skipped
    finally:
        await hass.async_add_executor_job(running.start)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.config_entries.async_unload(entry.entry_id)
