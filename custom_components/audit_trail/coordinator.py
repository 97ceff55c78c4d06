"""The status the sensors show: store figures, write rate and backlog, and chain integrity."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .const import DOMAIN, SIGNAL_COMMITTED
from .models import StoreStats, VerifyResult
from .store.base import StoreError

if TYPE_CHECKING:
    from . import AuditTrailConfigEntry

_LOGGER = logging.getLogger(__name__)
UPDATE_INTERVAL = timedelta(seconds=30)  # figures for a dashboard; the store is not polled harder
# The chain is re-checked incrementally this often (only the rows written since the last check).
VERIFY_INTERVAL_S = 3600.0
# And walked whole this often, in the background, to catch edits of rows checked before.
FULL_VERIFY_INTERVAL = timedelta(days=7)
# Where the checked position survives restarts (a start then checks only the new rows: a whole
# walk of 10 million rows took 130 s, and must never hold up Home Assistant's start).
VERIFY_STORE_KEY = f"{DOMAIN}.verify"
VERIFY_STORE_VERSION = 1
RATE_WINDOW_S = 60.0


@dataclass(frozen=True, slots=True)
class Status:
    """One reading of Audit Trail's own state."""

    stats: StoreStats
    backlog: int
    per_minute: float
    verify: VerifyResult | None
    verified_at: float | None


class AuditTrailCoordinator(DataUpdateCoordinator[Status]):
    """Reads the store's figures and keeps the integrity check current."""

    config_entry: AuditTrailConfigEntry

    def __init__(self, hass: HomeAssistant, entry: AuditTrailConfigEntry) -> None:
        super().__init__(
            hass, _LOGGER, config_entry=entry, name=DOMAIN, update_interval=UPDATE_INTERVAL
        )
        self._commits: deque[tuple[float, int]] = deque()
        self._verified_seq = 0
        self._full_verified_at: float | None = None  # UTC timestamp of the last whole walk
        self._verify: VerifyResult | None = None
        self._verified_at: float | None = None
        self._verifying: asyncio.Task[VerifyResult | None] | None = None
        self._saved: Store[dict[str, float | int | None]] = Store(
            hass, VERIFY_STORE_VERSION, VERIFY_STORE_KEY
        )

    async def async_load(self) -> None:
        """Load how far the chain was checked before (a store that shrank is checked anew)."""
        saved = await self._saved.async_load() or {}
        seq = int(saved.get("seq") or 0)
        if 0 < seq <= self.config_entry.runtime_data.store.last_seq:
            self._verified_seq = seq
            full = saved.get("full_at")
            self._full_verified_at = None if full is None else float(full)

    @callback
    def async_start(self) -> None:
        """Count commits for the write rate; released with the entry."""
        self.config_entry.async_on_unload(
            async_dispatcher_connect(self.hass, SIGNAL_COMMITTED, self._async_committed)
        )

    @callback
    def _async_committed(self, _last_seq: int, rows: int) -> None:
        self._commits.append((time.monotonic(), rows))

    def _per_minute(self) -> float:
        cutoff = time.monotonic() - RATE_WINDOW_S
        while self._commits and self._commits[0][0] < cutoff:
            self._commits.popleft()
        return float(sum(rows for _, rows in self._commits)) * 60.0 / RATE_WINDOW_S

    async def _async_update_data(self) -> Status:
        data = self.config_entry.runtime_data
        try:
            stats = await self.hass.async_add_executor_job(data.store.stats)
        except StoreError as err:
            raise UpdateFailed(f"Audit Trail could not read its store: {err}") from err
        due = self._verified_at is None or time.monotonic() - self._verified_at > VERIFY_INTERVAL_S
        idle = self._verifying is None or self._verifying.done()  # (it may finish eagerly)
        if due and idle and (self._verify is None or self._verify.ok):
            # In the background: the figures (and the start of Home Assistant) never wait on it.
            self._verifying = self.config_entry.async_create_background_task(
                self.hass, self._async_verify_in_background(), f"{DOMAIN} verify"
            )
        return Status(
            stats, data.writer.backlog, self._per_minute(), self._verify, self._verified_at
        )

    async def _async_verify_in_background(self) -> VerifyResult | None:
        try:
            result = await self.async_verify()
        except StoreError as err:  # stopped by an unload, or the store could not be read
            _LOGGER.debug("Audit Trail's background verification ended: %s", err)
            return None
        if self.data is not None:
            self.async_set_updated_data(
                replace(self.data, verify=result, verified_at=self._verified_at)
            )
        return result

    async def async_verify(self, full: bool | None = None) -> VerifyResult:
        """Check the rows written since the last check (or all, when a whole walk is due).

        A bad row raises a repair issue. How far the chain is good is saved for the next start.
        """
        store = self.config_entry.runtime_data.store
        now = dt_util.utcnow().timestamp()
        if full is None:
            full = (
                self._full_verified_at is None
                or now - self._full_verified_at > FULL_VERIFY_INTERVAL.total_seconds()
            )
        start = self._verified_seq + 1 if self._verified_seq and not full else None
        head = store.last_seq
        result = await self.hass.async_add_executor_job(store.verify, start)
        self._verified_at = time.monotonic()
        if result.ok:
            self._verified_seq = max(self._verified_seq, head)
            if start is None:
                self._full_verified_at = now
            # At most hourly: a few bytes, written at once so an unload or crash keeps it.
            await self._saved.async_save(
                {"seq": self._verified_seq, "full_at": self._full_verified_at}
            )
            ir.async_delete_issue(self.hass, DOMAIN, "integrity_failed")
        else:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                "integrity_failed",
                is_fixable=False,
                severity=ir.IssueSeverity.CRITICAL,
                translation_key="integrity_failed",
                translation_placeholders={
                    "seq": str(result.first_bad_seq),
                    "reason": str(result.reason),
                },
            )
        self._verify = result
        return result
