"""Home Assistant start and stop, options changes, overflow and a store that cannot open."""

from __future__ import annotations

from pathlib import Path

import pytest
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import (
    EVENT_HOMEASSISTANT_FINAL_WRITE,
    EVENT_HOMEASSISTANT_STARTED,
    EVENT_HOMEASSISTANT_STOP,
)
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import issue_registry as ir

from custom_components.audit_trail import writer as writer_module
from custom_components.audit_trail.const import CONF_EXCLUDE_DOMAINS, DOMAIN
from custom_components.audit_trail.store.base import StoreError, StoreFullError
from custom_components.audit_trail.store.sqlite import SqliteStore

from .conftest import make_entry
from .helpers import END_OF_TIME_US, rows, writer_held


async def test_start_and_stop_are_recorded(hass: HomeAssistant) -> None:
    hass.set_state(CoreState.not_running)
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    hass.states.async_set("light.a", "on")
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    found = await rows(hass, entry)
    assert [r.event_type for r in found] == [
        "integration_loaded",
        "ha_started",
        "entity_added",
        "ha_stopped",
    ]
    # The final write flushes and stops the writer; the store is closed and complete.
    hass.bus.async_fire(EVENT_HOMEASSISTANT_FINAL_WRITE)
    await hass.async_block_till_done()
    assert not entry.runtime_data.writer._thread.is_alive()
    store = SqliteStore(Path(hass.config.path("audit_trail")))
    store.open()
    assert (await hass.async_add_executor_job(store.verify)).checked == 4
    store.close()
    hass.set_state(CoreState.running)
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_options_change_reloads_and_applies(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, CONF_EXCLUDE_DOMAINS: ["light"]}
    )
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    hass.states.async_set("light.a", "on")
    hass.states.async_set("switch.a", "on")
    assert await rows(hass, entry, "light.a") == []
    assert len(await rows(hass, entry, "switch.a")) == 1
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_queue_overflow_is_recorded_and_raises_an_issue(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "QUEUE_MAX", 5)
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    # Hold the writer inside a write, as a slow disk would, so nothing drains the queue.
    async with writer_held(hass, entry) as writing:
        hass.states.async_set("sensor.burst", "0")
        await writing()
        for i in range(1, 30):
            hass.states.async_set("sensor.burst", str(i))
        await hass.async_block_till_done()
        assert ir.async_get(hass).async_get_issue(DOMAIN, "queue_full") is not None
    hass.states.async_set("sensor.after", "1")
    found = await rows(hass, entry)
    gaps = [r for r in found if r.event_type == "gap"]
    # Every change is either a row or counted in a gap row (one per episode of a full queue).
    assert gaps
    lost = sum(g.payload["lost"] for g in gaps if g.payload is not None)
    burst = [r for r in found if r.entity_id == "sensor.burst"]
    assert lost + len(burst) == 30
    assert lost > 0
    assert all(g.payload and g.payload["entities"] == ["sensor.burst"] for g in gaps)
    assert ir.async_get(hass).async_get_issue(DOMAIN, "queue_full") is None
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_store_that_cannot_open_fails_setup_with_a_reason(hass: HomeAssistant) -> None:
    Path(hass.config.path("audit_trail")).write_text("a file where the folder should be")
    entry = make_entry()
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_ERROR
    assert entry.reason is not None


async def test_history_bounds(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    assert len(await rows(hass, entry)) == 1
    store = entry.runtime_data.store
    assert (
        await hass.async_add_executor_job(
            store.history, None, END_OF_TIME_US, END_OF_TIME_US, None, 0, 10
        )
        == []
    )
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_write_failures_raise_the_fitting_repair_issue(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    registry = ir.async_get(hass)
    writer = entry.runtime_data.writer
    writer._on_error(StoreFullError("appending to the store: the disk is full"))
    await hass.async_block_till_done()
    assert registry.async_get_issue(DOMAIN, "disk_full") is not None
    assert registry.async_get_issue(DOMAIN, "write_failed") is None
    writer._on_error(StoreError("appending to the store: disk I/O error"))
    await hass.async_block_till_done()
    assert registry.async_get_issue(DOMAIN, "disk_full") is None
    assert registry.async_get_issue(DOMAIN, "write_failed") is not None
    writer._on_error(None)
    await hass.async_block_till_done()
    assert registry.async_get_issue(DOMAIN, "write_failed") is None
    assert await hass.config_entries.async_unload(entry.entry_id)
