"""System health: where the log is, how big, how far behind, and when it was last verified."""

from __future__ import annotations

from typing import Any

from homeassistant.components import system_health
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN, STORE_DIRNAME
from .store.spooling import SpoolingStore
from .store.sqlite import SqliteStore


@callback
def async_register(hass: HomeAssistant, register: system_health.SystemHealthRegistration) -> None:  # noqa: ARG001
    """Register the info callback."""
    register.async_register_info(system_health_info)


async def system_health_info(hass: HomeAssistant) -> dict[str, Any]:
    """Return the figures shown under Settings > System > Repairs > System information."""
    entries = [
        e for e in hass.config_entries.async_entries(DOMAIN) if e.state is ConfigEntryState.LOADED
    ]
    if not entries:
        return {"store_path": hass.config.path(STORE_DIRNAME)}
    data = entries[0].runtime_data
    status = data.coordinator.data
    verify = status.verify
    store = data.store
    where = store.directory if isinstance(store, SqliteStore) else hass.config.path(STORE_DIRNAME)
    info: dict[str, Any] = {
        "store_path": str(where),
        "store_size": f"{status.stats.size_bytes / 1_048_576:.1f} MiB",
        "rows": status.stats.rows,
        "backlog": data.writer.backlog,
        "last_verify": "not yet"
        if verify is None
        else ("ok" if verify.ok else f"row {verify.first_bad_seq}: {verify.reason}"),
    }
    if isinstance(store, SpoolingStore):  # the server's state and what waits for it
        health = store.health()
        info["postgres_state"] = health.state
        info["spooled"] = health.spooled
    return info
