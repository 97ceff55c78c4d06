"""Retention: whole months past the kept period are dropped (archived first) and the chain holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant

from custom_components.audit_trail.const import CONF_ARCHIVE_DROPPED, CONF_KEEP_MONTHS
from custom_components.audit_trail.retention import months_to_drop

from .conftest import make_entry
from .helpers import flush


def test_months_to_drop() -> None:
    parts = ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03")
    now = datetime(2026, 3, 15, tzinfo=UTC)
    assert months_to_drop(parts, now, 0) == []
    assert months_to_drop(parts, now, 1) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_to_drop(parts, now, 3) == ["2025-11", "2025-12"]
    assert months_to_drop(parts, now, 24) == []


async def test_keep_months_drops_old_partitions(hass: HomeAssistant, freezer: Any) -> None:
    freezer.move_to("2026-01-10T12:00:00+00:00")
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    for month in ("2026-01-10", "2026-02-10", "2026-03-10"):
        freezer.move_to(f"{month}T12:00:00+00:00")
        hass.states.async_set("light.a", month)
        await flush(hass, entry)
    store_dir = Path(hass.config.path("audit_trail"))
    assert sorted(p.name for p in store_dir.glob("log-*.db")) == [
        "log-2026-01.db",
        "log-2026-02.db",
        "log-2026-03.db",
    ]
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, CONF_KEEP_MONTHS: 2, CONF_ARCHIVE_DROPPED: True}
    )
    await hass.async_block_till_done(wait_background_tasks=True)  # the retention run
    await flush(hass, entry)
    assert sorted(p.name for p in store_dir.glob("log-*.db")) == [
        "log-2026-02.db",
        "log-2026-03.db",
    ]
    assert (store_dir / "archive" / "log-2026-01.db.gz").exists()
    result = await hass.async_add_executor_job(entry.runtime_data.store.verify)
    assert result.ok
    answer = await hass.services.async_call(
        "audit_trail", "state_at", {"entity_id": ["light.a"], "at": "2026-02-15T00:00:00Z"},
        blocking=True, return_response=True,
    )  # fmt: skip
    assert answer["states"]["light.a"]["state"] == "2026-02-10"
    assert await hass.config_entries.async_unload(entry.entry_id)
