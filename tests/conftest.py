"""Shared fixtures: a real config entry in a real hass."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN, TITLE


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let hass load custom_components/audit_trail."""


@pytest.fixture(autouse=True)
def no_http_listener() -> Iterator[None]:
    """Keep http (a dependency, for the card) from listening on port 8123 in tests.

    The boundary mocked is the network listener only: views, static paths and the
    websocket API run as they do in Home Assistant, through the test client.
    """
    with patch("homeassistant.components.http.HomeAssistantHTTP.start"):
        yield


@pytest.fixture(autouse=True)
def isolated_config_dir(hass: HomeAssistant, tmp_path: Path) -> None:
    """Give each test its own configuration directory, so each has its own store."""
    hass.config.config_dir = str(tmp_path)


def make_entry(options: dict[str, object] | None = None) -> MockConfigEntry:
    """Build a config entry as the config flow creates it."""
    return MockConfigEntry(
        domain=DOMAIN, title=TITLE, data={}, options={**DEFAULT_OPTIONS, **(options or {})}
    )


@pytest.fixture
async def loaded_entry(hass: HomeAssistant) -> AsyncGenerator[MockConfigEntry]:
    """Audit Trail set up through its config entry, unloaded at the end."""
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)  # the first verify too
    yield entry
    if entry.state.recoverable:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
