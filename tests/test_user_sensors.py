"""The user's own sensors, added and removed through the options flow."""

from __future__ import annotations

from typing import Any

from homeassistant.core import Context, HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from .conftest import make_entry
from .helpers import flush


async def add_sensor(
    hass: HomeAssistant, entry: MockConfigEntry, kind: str, data: dict[str, Any]
) -> None:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": kind}
    )
    assert result["type"] is FlowResultType.FORM
    result = await hass.config_entries.options.async_configure(result["flow_id"], data)
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()


async def test_state_ago_keeps_unit_and_follows_time(hass: HomeAssistant, freezer: Any) -> None:
    freezer.move_to("2026-05-01T10:00:00+00:00")
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set(
        "sensor.power", "100", {"unit_of_measurement": "W", "device_class": "power"}
    )
    await flush(hass, entry)
    freezer.move_to("2026-05-01T11:00:00+00:00")
    hass.states.async_set(
        "sensor.power", "250", {"unit_of_measurement": "W", "device_class": "power"}
    )
    await flush(hass, entry)
    freezer.move_to("2026-05-01T11:30:00+00:00")
    await add_sensor(
        hass,
        entry,
        "state_ago",
        {"source": "sensor.power", "offset": {"hours": 1}, "name": "Power an hour ago"},
    )
    await flush(hass, entry)
    await hass.async_block_till_done()
    state = hass.states.get("sensor.audit_trail_power_an_hour_ago")
    assert state is not None
    assert state.state == "100"
    assert state.attributes["unit_of_measurement"] == "W"
    assert state.attributes["device_class"] == "power"
    assert state.attributes["at"] == "2026-05-01T10:30:00.000000+00:00"
    # Half an hour later the hour-ago value is the second reading.
    freezer.move_to("2026-05-01T12:05:00+00:00")
    hass.states.async_set(
        "sensor.power", "300", {"unit_of_measurement": "W", "device_class": "power"}
    )
    await flush(hass, entry)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.audit_trail_power_an_hour_ago").state == "250"  # type: ignore[union-attr]
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_state_ago_rejects_zero_offset(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "state_ago"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"source": "sensor.x", "offset": {"hours": 0}}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"offset": "offset_not_positive"}


async def test_last_changed_by_names_the_user_then_remove(
    hass: HomeAssistant, hass_admin_user: MockUser
) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set("light.desk", "off")
    await add_sensor(hass, entry, "last_changed_by", {"source": "light.desk"})
    entity_id = "sensor.audit_trail_light_desk_last_changed_by"
    await flush(hass, entry)
    await hass.async_block_till_done()
    assert hass.states.get(entity_id).attributes["kind"] == "device"  # type: ignore[union-attr]
    hass.states.async_set("light.desk", "on", context=Context(user_id=hass_admin_user.id))
    await flush(hass, entry)
    await hass.async_block_till_done()
    state = hass.states.get(entity_id)
    assert state is not None
    assert state.state == hass_admin_user.name
    assert state.attributes["kind"] == "user"
    assert state.attributes["user_name"] == hass_admin_user.name
    # Remove it through the options: the entity goes with the reload.
    sensor_id = entry.options["sensors"][0]["id"]
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert "remove_sensors" in result["menu_options"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "remove_sensors"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"remove": [sensor_id]}
    )
    await hass.async_block_till_done()
    assert entry.options["sensors"] == []
    assert hass.states.get(entity_id) is None or hass.states.get(entity_id).state == "unavailable"  # type: ignore[union-attr]
    assert er.async_get(hass).async_get(entity_id) is not None  # registry entry kept until deleted
    assert await hass.config_entries.async_unload(entry.entry_id)
