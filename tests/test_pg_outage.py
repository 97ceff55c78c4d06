"""Audit Trail on a real PostgreSQL server that goes away: the spool keeps every change.

The cluster belongs to this module (initdb, pg_ctl), so the tests can stop and start it under
a running Home Assistant. Each test writes as its own instance of the one database.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
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

from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN, SPOOL_RETRY_S, TITLE
from custom_components.audit_trail.models import (
    ET_ENTITY_ADDED,
    ET_GAP,
    ET_STATE_CHANGED,
    StoredRow,
)
from custom_components.audit_trail.store.spooling import SpoolingStore

from .helpers import flush
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


async def test_outage_with_restart_loses_nothing(hass: HomeAssistant, running: Cluster) -> None:
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
