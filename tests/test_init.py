"""Loading and unloading through a real config entry."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import make_entry


async def test_setup_and_unload_release_every_listener(hass: HomeAssistant) -> None:
    # Dependencies (http, websocket_api) keep their own listeners; count from after them.
    assert await async_setup_component(hass, "websocket_api", {})
    await hass.async_block_till_done()
    baseline = sum(hass.bus.async_listeners().values())
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    assert sum(hass.bus.async_listeners().values()) == baseline
