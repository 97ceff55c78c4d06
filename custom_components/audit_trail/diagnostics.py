"""Diagnostics download: settings and the store's state, with personal data redacted."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from . import AuditTrailConfigEntry
from .query import iso
from .serialize import event_out

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
