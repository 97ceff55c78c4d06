"""Diagnostics download: settings and the store's state, with personal data redacted."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from . import AuditTrailConfigEntry
from .const import BACKEND_SQLITE, CONF_BACKEND, CONF_OWNER_URL, CONF_URL
from .query import iso
from .serialize import event_out
from .store.base import AuditStore
from .store.pg_probe import redact_url, scrub
from .store.spooling import SpoolingStore

# Entity ids can name people ("person.anna"): the lists that hold them are redacted.
TO_REDACT = {
    "include_entities",
    "exclude_entities",
    "transitions_only",
    "selected_only",
    "user_id",
    "entity_id",
    "context_id",
    "name",
}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AuditTrailConfigEntry
) -> dict[str, Any]:
    """Return the options, store figures, writer state and the newest rows (redacted)."""
    data = entry.runtime_data
    stats = await hass.async_add_executor_job(data.store.stats)
    last = await hass.async_add_executor_job(data.store.last_row)
    status = data.coordinator.data
    return async_redact_data(
        {
            "backend": _backend(entry, data.store),
            "options": dict(entry.options),
            "store": {
                "rows": stats.rows,
                "last_seq": stats.last_seq,
                "oldest": iso(stats.oldest_time_us),
                "size_bytes": stats.size_bytes,
                "partitions": list(stats.partitions),
            },
            "writer": {
                "backlog": data.writer.backlog,
                "committed_rows": data.writer.committed_rows,
                "failing": data.writer.failing,
            },
            "last_verify": None
            if status.verify is None
            else {
                "ok": status.verify.ok,
                "checked": status.verify.checked,
                "first_bad_seq": status.verify.first_bad_seq,
                "reason": status.verify.reason,
            },
            "last_row": None if last is None else event_out(last, lambda _: None, attributes=False),
        },
        TO_REDACT,
    )


def _backend(entry: AuditTrailConfigEntry, store: AuditStore) -> dict[str, Any]:
    """Return where the log is kept: the entry's data with passwords out, and the server's state."""
    out: dict[str, Any] = {
        key: redact_url(str(value)) if key in (CONF_URL, CONF_OWNER_URL) else value
        for key, value in entry.data.items()
    }
    out.setdefault(CONF_BACKEND, BACKEND_SQLITE)
    if isinstance(store, SpoolingStore):
        health = store.health()
        urls = (entry.data.get(CONF_URL), entry.data.get(CONF_OWNER_URL))
        out["server"] = {
            "state": health.state,
            "error": None if health.error is None else scrub(health.error, *urls),
            "spooled": health.spooled,
            "lost": health.lost,
        }
    return out
