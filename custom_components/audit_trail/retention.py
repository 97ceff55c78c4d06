"""Retention: drop whole months past the kept period, one file each, archiving first if asked."""

from __future__ import annotations

import logging
from datetime import datetime

from .store.base import AuditStore

_LOGGER = logging.getLogger(__name__)


def months_to_drop(partitions: tuple[str, ...], now: datetime, keep_months: int) -> list[str]:
    """Return the partitions (YYYY-MM) wholly older than the newest `keep_months` months."""
    if keep_months <= 0:
        return []
    index = now.year * 12 + now.month - 1 - (keep_months - 1)
    oldest_kept = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return [p for p in partitions if p < oldest_kept]


def apply_retention(store: AuditStore, now: datetime, keep_months: int, archive: bool) -> list[str]:
    """Drop the months past the kept period (runs in an executor); return what was dropped."""
    dropped = []
    for month in months_to_drop(store.stats().partitions, now, keep_months):
        if store.drop_partition(month, archive=archive):
            _LOGGER.info("Audit Trail dropped %s (archived: %s)", month, archive)
            dropped.append(month)
    return dropped
