"""Audit Trail: set up and unload only; the work happens in capture, writer and store."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant


@dataclass(slots=True)
class AuditTrailData:
    """What a loaded entry owns."""


type AuditTrailConfigEntry = ConfigEntry[AuditTrailData]


async def async_setup_entry(hass: HomeAssistant, entry: AuditTrailConfigEntry) -> bool:  # noqa: ARG001
    """Set up Audit Trail from its config entry."""
    entry.runtime_data = AuditTrailData()
    return True


async def async_unload_entry(hass: HomeAssistant, entry: AuditTrailConfigEntry) -> bool:  # noqa: ARG001
    """Unload the entry, releasing every listener and thread."""
    return True
