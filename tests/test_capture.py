"""Capture through a real config entry: every kind of transition becomes a row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.audit_trail.const import CONF_EXCLUDE_DOMAINS, CONF_RETENTION_LEVEL
from custom_components.audit_trail.store.chain import TRUNCATED_KEY

from .conftest import make_entry
from .helpers import flush, rows


async def test_every_kind_of_transition_is_a_row(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    hass.states.async_set("sensor.temp", "20", {"unit_of_measurement": "°C"})
    hass.states.async_set("sensor.temp", "21", {"unit_of_measurement": "°C"})
    hass.states.async_set("sensor.temp", "21", {"unit_of_measurement": "°C", "x": 1})
    hass.states.async_remove("sensor.temp")
    found = await rows(hass, loaded_entry, "sensor.temp")
    assert [r.event_type for r in found] == [
        "entity_added",
        "state_changed",
        "attributes_changed",
        "entity_removed",
    ]
    assert [(r.old_state, r.new_state) for r in found] == [
        (None, "20"),
        ("20", "21"),
        ("21", "21"),
        ("21", None),
    ]
    assert found[2].new_attributes == {"unit_of_measurement": "°C", "x": 1}
    assert found[2].old_attributes == {"unit_of_measurement": "°C"}
    seqs = [r.seq for r in found]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 4


async def test_load_rows_and_unload_row(hass: HomeAssistant) -> None:
    hass.states.async_set("light.kitchen", "on")
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    found = await rows(hass, entry)
    assert [r.event_type for r in found] == ["integration_loaded", "checkpoint"]
    assert found[1].entity_id == "light.kitchen"
    assert found[1].cause["kind"] == "system"
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    # While unloaded the light changed; at the next load that is recorded honestly.
    hass.states.async_set("light.kitchen", "off")
    hass.states.async_set("light.hall", "on")
    assert await hass.config_entries.async_setup(entry.entry_id)
    found = await rows(hass, entry)
    types = [r.event_type for r in found]
    assert types[:3] == ["integration_loaded", "checkpoint", "integration_unloaded"]
    assert types[3:5] == ["gap", "integration_loaded"]
    assert found[3].payload is not None
    assert found[3].payload["last_seq"] == found[2].seq
    assert found[3].cause["reason"] == "not_running"
    changed = {r.entity_id: r for r in found[5:]}
    assert changed["light.kitchen"].event_type == "state_changed"
    assert changed["light.kitchen"].old_state == "on"
    assert changed["light.kitchen"].cause["kind"] == "unobserved"
    assert changed["light.hall"].event_type == "entity_added"
    assert changed["light.hall"].cause["kind"] == "unobserved"
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_restart_restore_is_not_a_change(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    hass.states.async_set("switch.a", "on")
    hass.states.async_set("switch.b", "on")
    assert await hass.config_entries.async_setup(entry.entry_id)
    await flush(hass, entry)
    assert await hass.config_entries.async_unload(entry.entry_id)
    # As at a restart: the entities disappear and come back after the integration loads.
    hass.states.async_remove("switch.a")
    hass.states.async_remove("switch.b")
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set("switch.a", "on")
    hass.states.async_set("switch.b", "off")
    a = (await rows(hass, entry, "switch.a"))[-1]
    b = (await rows(hass, entry, "switch.b"))[-1]
    assert (a.old_state, a.new_state, a.cause["kind"]) == ("on", "on", "device")
    assert (b.old_state, b.new_state, b.cause["kind"]) == ("on", "off", "unobserved")
    assert b.cause["reason"] == "changed_while_not_observed"
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_exclusions_and_retention(hass: HomeAssistant) -> None:
    entry = make_entry({CONF_EXCLUDE_DOMAINS: ["sun"], CONF_RETENTION_LEVEL: "transitions"})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set("sun.sun", "above_horizon")
    hass.states.async_set("person.me", "home", {"latitude": 52.1, "friendly_name": "Me"})
    assert await rows(hass, entry, "sun.sun") == []
    (person,) = await rows(hass, entry, "person.me")
    assert person.new_attributes is None
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_personal_attributes_never_written(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    hass.states.async_set(
        "device_tracker.phone", "home", {"latitude": 52.1, "longitude": 4.9, "battery": 80}
    )
    (row,) = await rows(hass, loaded_entry, "device_tracker.phone")
    assert row.new_attributes == {"battery": 80}
    store_dir = hass.config.path("audit_trail")
    raw = b"".join(p.read_bytes() for p in __import__("pathlib").Path(store_dir).glob("log-*"))
    assert b"52.1" not in raw


async def test_odd_attributes_are_recorded_not_fatal(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    class Odd:
        def __repr__(self) -> str:
            return "<odd>"

    hass.states.async_set(
        "sensor.odd",
        "1",
        {
            "when": dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
            "tags": {"b", "a"},
            "odd": Odd(),
            "big_int": 2**80,
            "amount": Decimal("1.5"),
        },
    )
    hass.states.async_set("sensor.huge", "1", {"blob": "x" * 300_000})
    hass.states.async_set("sensor.after", "ok")
    (odd,) = await rows(hass, loaded_entry, "sensor.odd")
    assert odd.new_attributes is not None
    assert odd.new_attributes["when"] == "2026-01-02T00:00:00+00:00"
    assert odd.new_attributes["tags"] == ["a", "b"]
    assert odd.new_attributes["odd"] == {"_repr": "<odd>"}
    (huge,) = await rows(hass, loaded_entry, "sensor.huge")
    assert huge.new_attributes is not None
    assert huge.new_attributes[TRUNCATED_KEY] is True
    assert huge.new_attributes["keys"] == ["blob"]
    assert len(await rows(hass, loaded_entry, "sensor.after")) == 1
    result = await hass.async_add_executor_job(loaded_entry.runtime_data.store.verify)
    assert result.ok


async def test_clock_going_backwards_keeps_seq_order(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    hass.states.async_set("sensor.clock", "a")
    hass.states.async_set("sensor.clock", "b", timestamp=1_600_000_000.0)
    found = await rows(hass, loaded_entry, "sensor.clock")
    assert [r.new_state for r in found] == ["a", "b"]
    assert found[0].seq < found[1].seq
    assert found[1].time_us < found[0].time_us
    result = await hass.async_add_executor_job(loaded_entry.runtime_data.store.verify)
    assert result.ok


async def test_with_real_helpers(hass: HomeAssistant, loaded_entry: MockConfigEntry) -> None:
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": {"x": {}}})
    await hass.services.async_call(
        "input_boolean", "turn_on", {"entity_id": "input_boolean.x"}, blocking=True
    )
    found = await rows(hass, loaded_entry, "input_boolean.x")
    assert [r.new_state for r in found] == ["off", "on"]
    assert found[1].cause["kind"] == "action"
    assert found[1].cause["service"] == "input_boolean.turn_on"
