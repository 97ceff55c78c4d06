"""Issue 9: state_at across a restart that straddles a month boundary, and removed entities."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.audit_trail.const import DOMAIN

from .conftest import make_entry
from .helpers import flush, rows


async def state_at(hass: HomeAssistant, entity_ids: list[str], at: str) -> Any:
    answer = await hass.services.async_call(
        DOMAIN, "state_at", {"entity_id": entity_ids, "at": at},
        blocking=True, return_response=True,
    )  # fmt: skip
    return answer["states"]


async def test_restart_across_the_first_of_the_month(hass: HomeAssistant, freezer: Any) -> None:
    freezer.move_to("2026-01-31T21:00:00+00:00")
    entry: MockConfigEntry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set("light.hall", "on")
    hass.states.async_set("sensor.gone", "5")
    await flush(hass, entry)
    freezer.move_to("2026-01-31T22:00:00+00:00")
    hass.states.async_remove("sensor.gone")
    await flush(hass, entry)
    freezer.move_to("2026-01-31T23:00:00+00:00")
    assert await hass.config_entries.async_unload(entry.entry_id)
    # Home Assistant is stopped over midnight and starts again at 05:00 on the 1st.
    freezer.move_to("2026-02-01T05:00:00+00:00")
    assert await hass.config_entries.async_setup(entry.entry_id)
    await flush(hass, entry)
    at_night = await state_at(hass, ["light.hall", "sensor.gone"], "2026-02-01T03:00:00+00:00")
    assert at_night["light.hall"]["state"] == "on"
    assert at_night["light.hall"]["last_changed"] == "2026-01-31T21:00:00.000000+00:00"
    # Removed in January, asked about in February: it did not exist, which is an answer.
    assert at_night["sensor.gone"] is None
    before = await state_at(hass, ["sensor.gone"], "2026-01-31T21:30:00+00:00")
    assert before["sensor.gone"]["state"] == "5"
    gaps = [r for r in await rows(hass, entry) if r.event_type == "gap"]
    assert gaps[-1].payload["from_us"] < gaps[-1].time_us
    assert await hass.config_entries.async_unload(entry.entry_id)
