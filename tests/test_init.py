"""Loading and unloading through a real config entry."""

from __future__ import annotations

import threading

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant

from .conftest import make_entry


async def _cycle(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert any(t.name == "audit_trail_writer" for t in threading.enumerate())
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()


async def test_setup_and_unload_release_every_listener(hass: HomeAssistant) -> None:
    # The first cycle also loads what stays loaded for good (http, websocket_api, the sensor
    # platforms); every later load and unload must give back exactly what it took.
    await _cycle(hass)
    baseline = sum(hass.bus.async_listeners().values())
    await _cycle(hass)
    assert sum(hass.bus.async_listeners().values()) == baseline
    assert not any(t.name == "audit_trail_writer" for t in threading.enumerate())
