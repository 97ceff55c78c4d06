"""The status sensors, the integrity sensor, diagnostics and system health."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    get_system_health_info,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.audit_trail.const import DOMAIN
from custom_components.audit_trail.store.sqlite import SqliteStore

from .conftest import make_entry
from .helpers import flush

SENSORS = {
    "events_recorded": "sensor.audit_trail_events_recorded",
    "events_per_minute": "sensor.audit_trail_events_per_minute",
    "store_size": "sensor.audit_trail_store_size",
    "oldest_retained": "sensor.audit_trail_oldest_retained_change",
    "write_backlog": "sensor.audit_trail_write_backlog",
    "integrity": "binary_sensor.audit_trail_log_integrity",
}


async def refresh(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    await flush(hass, entry)
    await entry.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done()


async def test_status_sensors(hass: HomeAssistant, loaded_entry: MockConfigEntry) -> None:
    registry = er.async_get(hass)
    for key, entity_id in SENSORS.items():
        entry = registry.async_get(entity_id)
        assert entry is not None, entity_id
        assert entry.unique_id == f"{loaded_entry.entry_id}_{key}"
    for i in range(10):
        hass.states.async_set("sensor.x", str(i))
    await refresh(hass, loaded_entry)
    recorded = hass.states.get(SENSORS["events_recorded"])
    assert recorded is not None
    assert int(recorded.state) == loaded_entry.runtime_data.store.last_seq >= 11
    assert recorded.attributes["state_class"] == "total_increasing"
    assert float(hass.states.get(SENSORS["events_per_minute"]).state) >= 10  # type: ignore[union-attr]
    size = hass.states.get(SENSORS["store_size"])
    assert size is not None
    assert float(size.state) > 0
    assert size.attributes["unit_of_measurement"] == "MiB"
    assert hass.states.get(SENSORS["oldest_retained"]).state != "unknown"  # type: ignore[union-attr]
    assert hass.states.get(SENSORS["write_backlog"]).state == "0"  # type: ignore[union-attr]
    assert hass.states.get(SENSORS["integrity"]).state == "off"  # type: ignore[union-attr]
    # Our own entities are not recorded (they would feed back into themselves).
    store = loaded_entry.runtime_data.store
    assert not any(e.startswith("sensor.audit_trail") for e in store.known_entities())


async def test_integrity_sensor_catches_tampering(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    hass.states.async_set("sensor.x", "1")
    hass.states.async_set("sensor.x", "2")
    await refresh(hass, loaded_entry)
    store = loaded_entry.runtime_data.store
    bad_seq = store.last_seq
    with closing(sqlite3.connect(store.partition_paths()[-1], isolation_level=None)) as conn:
        conn.execute("DROP TRIGGER log_no_update")
        conn.execute("UPDATE log SET new_state = 'forged' WHERE seq = ?", (bad_seq,))
    result = await loaded_entry.runtime_data.coordinator.async_verify()
    assert (result.ok, result.first_bad_seq) == (False, bad_seq)
    await loaded_entry.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done()
    state = hass.states.get(SENSORS["integrity"])
    assert state is not None
    assert state.state == "on"
    assert state.attributes["first_bad_seq"] == bad_seq
    issue = ir.async_get(hass).async_get_issue(DOMAIN, "integrity_failed")
    assert issue is not None
    assert issue.translation_placeholders == {"seq": str(bad_seq), "reason": "hash_mismatch"}


async def test_incremental_verify_runs_when_due(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    coordinator = loaded_entry.runtime_data.coordinator
    first = coordinator.data.verify
    assert first is not None
    assert first.ok
    hass.states.async_set("sensor.x", "1")
    await flush(hass, loaded_entry)
    await coordinator.async_refresh()  # not due yet: the last result stands
    assert coordinator.data.verify is first
    coordinator._verified_at -= 7200  # an hour and more since the last check
    await coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert coordinator.data.verify is not first
    assert coordinator.data.verify is not None
    # Only the rows written since the first check.
    assert (
        coordinator.data.verify.checked == loaded_entry.runtime_data.store.last_seq - first.checked
    )


async def test_a_start_checks_only_new_rows_and_never_waits(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    for i in range(50):
        hass.states.async_set("sensor.x", str(i))
    await flush(hass, entry)
    coordinator = entry.runtime_data.coordinator
    assert (await coordinator.async_verify(full=True)).ok
    checked_seq = entry.runtime_data.store.last_seq
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert hass_storage["audit_trail.verify"]["data"]["seq"] == checked_seq  # saved after the check

    # The check is held until set-up has returned: set-up must not wait for it. (Without the
    # hold this raced: a check of two rows can finish before set-up returns, on a fast run.)
    release = threading.Event()
    walk = SqliteStore.verify

    def held_verify(store: SqliteStore, from_seq: int | None = None) -> Any:
        assert release.wait(10), "set-up waited for the check"
        return walk(store, from_seq)

    with patch.object(SqliteStore, "verify", held_verify):
        assert await hass.config_entries.async_setup(entry.entry_id)
        assert entry.runtime_data.coordinator.data.verify is None  # set-up did not wait for it
        release.set()
        await hass.async_block_till_done(wait_background_tasks=True)
    result = entry.runtime_data.coordinator.data.verify
    assert result is not None
    assert result.ok
    assert 0 < result.checked < checked_seq  # the unload and load rows, not the 50 changes
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_diagnostics_redacts(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    hass.states.async_set("person.anna", "home")
    await refresh(hass, loaded_entry)
    diag = await get_diagnostics_for_config_entry(hass, hass_client, loaded_entry)
    assert diag["store"]["last_seq"] == loaded_entry.runtime_data.store.last_seq
    assert diag["writer"]["failing"] is False
    assert diag["last_verify"]["ok"] is True
    assert diag["last_row"]["entity_id"] == "**REDACTED**"
    assert "person.anna" not in str(diag)


async def test_system_health(hass: HomeAssistant, loaded_entry: MockConfigEntry) -> None:
    assert await async_setup_component(hass, "system_health", {})
    await refresh(hass, loaded_entry)
    info = await get_system_health_info(hass, DOMAIN)
    assert info["store_path"].endswith("audit_trail")
    assert info["rows"] >= 1
    assert info["last_verify"] == "ok"
    assert info["backlog"] == 0
