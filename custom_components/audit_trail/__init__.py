"""Audit Trail: set up and unload only; the work happens in capture, writer and store."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_FINAL_WRITE, Platform
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import dispatcher_send
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.typing import ConfigType
from homeassistant.util import dt as dt_util

from .backend import async_open_store, async_start_store
from .capture import Capture
from .causation import ContextMemo
from .const import (
    CONF_ARCHIVE_DROPPED,
    CONF_KEEP_MONTHS,
    CONTEXT_MEMO_MAX,
    DOMAIN,
    FINAL_FLUSH_TIMEOUT_S,
    SIGNAL_COMMITTED,
    STALE_CONTEXT_S,
)
from .coordinator import AuditTrailCoordinator
from .export_view import ExportView
from .panel import async_hide, async_register_static, async_show, bundle_url
from .policy import Policy
from .retention import apply_retention
from .services import async_setup_services
from .store.base import AuditStore, StoreError, StoreFullError
from .websocket_api import async_setup_websocket
from .writer import Writer

_LOGGER = logging.getLogger(__name__)
PLATFORMS = [Platform.BINARY_SENSOR, Platform.SENSOR]
RETENTION_INTERVAL = timedelta(hours=6)  # months turn over rarely; a few checks a day suffice


@dataclass(slots=True)
class AuditTrailData:
    """What a loaded entry owns."""

    store: AuditStore
    writer: Writer
    capture: Capture
    policy: Policy
    coordinator: AuditTrailCoordinator
    panel_url: str | None = None


type AuditTrailConfigEntry = ConfigEntry[AuditTrailData]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:  # noqa: ARG001
    """Register the actions once; they answer while an entry is loaded."""
    async_setup_services(hass)
    async_setup_websocket(hass)
    await async_register_static(hass)
    hass.http.register_view(ExportView())
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AuditTrailConfigEntry) -> bool:
    """Open the store, start the writer, record how we got here, then capture."""
    policy = Policy.from_options(entry.options)
    store = await async_open_store(hass, entry)  # SQLite, or PostgreSQL behind its spool
    try:
        await async_start_store(hass, entry, store, policy)
        latest = await hass.async_add_executor_job(store.latest_states)
        last_row = await hass.async_add_executor_job(store.last_row)
    except StoreError as err:
        await hass.async_add_executor_job(store.close)
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="store_unavailable",
            translation_placeholders={"error": str(err)},
        ) from err
    writer = Writer(
        store,
        policy,
        on_commit=lambda last_seq, rows: dispatcher_send(hass, SIGNAL_COMMITTED, last_seq, rows),
        on_error=lambda err: _write_failed(hass, err),
    )
    capture = Capture(
        hass,
        policy,
        writer,
        ContextMemo(CONTEXT_MEMO_MAX, STALE_CONTEXT_S),
        latest,
        on_overflow=lambda full: _write_issue(hass, "queue_full", "full" if full else None),
    )
    writer.start()
    capture.async_start(last_row)
    coordinator = AuditTrailCoordinator(hass, entry)
    entry.runtime_data = AuditTrailData(store, writer, capture, policy, coordinator)
    coordinator.async_start()
    await coordinator.async_load()
    await coordinator.async_config_entry_first_refresh()
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await _async_show_frontend(hass, entry.runtime_data)

    async def _final_write(_: Event) -> None:
        await hass.async_add_executor_job(_stop_writer, entry.runtime_data)

    entry.async_on_unload(hass.bus.async_listen(EVENT_HOMEASSISTANT_FINAL_WRITE, _final_write))

    async def _retention(_: object = None) -> None:
        await hass.async_add_executor_job(
            apply_retention,
            store,
            dt_util.utcnow(),
            int(entry.options.get(CONF_KEEP_MONTHS, 0)),
            bool(entry.options.get(CONF_ARCHIVE_DROPPED, True)),
        )

    entry.async_on_unload(async_track_time_interval(hass, _retention, RETENTION_INTERVAL))
    entry.async_create_background_task(hass, _retention(), "audit_trail retention")
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    return True


async def async_unload_entry(hass: HomeAssistant, entry: AuditTrailConfigEntry) -> bool:
    """Stop capturing, write what is queued, release the thread and the store."""
    if not await hass.config_entries.async_unload_platforms(entry, PLATFORMS):
        return False
    if entry.runtime_data.panel_url is not None:
        async_hide(hass, entry.runtime_data.panel_url)
    entry.runtime_data.capture.async_stop()
    await hass.async_add_executor_job(_stop_writer, entry.runtime_data)
    return True


async def _async_show_frontend(hass: HomeAssistant, data: AuditTrailData) -> None:
    """Add the card and panel; a missing bundle costs the view, never the record."""
    try:
        data.panel_url = await hass.async_add_executor_job(bundle_url)
    except OSError as err:
        _LOGGER.warning("Audit Trail's card and panel are not available: %s", err)
        return
    async_show(hass, data.panel_url)


async def _async_options_updated(hass: HomeAssistant, entry: AuditTrailConfigEntry) -> None:
    """Apply new options by reloading (the unload and load are themselves recorded)."""
    await hass.config_entries.async_reload(entry.entry_id)


def _stop_writer(data: AuditTrailData) -> None:
    """Flush and stop the writer, then close the store (runs in an executor)."""
    if not data.writer.stop(FINAL_FLUSH_TIMEOUT_S):
        _LOGGER.error(
            "Audit Trail could not write %s queued changes within %s s",
            data.writer.backlog,
            FINAL_FLUSH_TIMEOUT_S,
        )
        return
    data.store.close()


@callback
def _issue(hass: HomeAssistant, issue_id: str, error: object | None) -> None:
    if error is None:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=issue_id,
        translation_placeholders={"error": str(error)},
    )


def _write_failed(hass: HomeAssistant, error: Exception | None) -> None:
    """Raise (or clear) the repair issue that fits a write failure: a full disk, or another."""
    full = isinstance(error, StoreFullError)
    _write_issue(hass, "disk_full", error if full else None)
    _write_issue(hass, "write_failed", None if full else error)


def _write_issue(hass: HomeAssistant, issue_id: str, error: object | None) -> None:
    """Raise or clear a repair issue from any thread."""
    hass.loop.call_soon_threadsafe(_issue, hass, issue_id, error)
