"""Which store an entry writes to: SQLite on this machine, or a PostgreSQL server and its spool.

PostgreSQL's driver is installed only for an entry that chooses it, and its store is made
ready in the background (connecting, migrating, copying): Home Assistant's start never waits
on the server, whose changes meanwhile go to the local spool.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryError, ConfigEntryNotReady
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import dispatcher_send
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.requirements import RequirementsNotFound, async_process_requirements

from .const import (
    BACKEND_POSTGRESQL,
    BACKEND_SQLITE,
    CONF_BACKEND,
    CONF_COPY_SQLITE,
    CONF_INSTANCE,
    CONF_OWNER_URL,
    CONF_URL,
    DEFAULT_INSTANCE,
    DOMAIN,
    PG_CONNECT_TIMEOUT_S,
    PG_REQUIREMENT,
    PG_REQUIREMENT_FALLBACK,
    SIGNAL_COMMITTED,
    SPOOL_FILENAME,
    SPOOL_MAX_BYTES,
    SPOOL_MAX_ROWS,
    SPOOL_RETRY_S,
    STORE_DIRNAME,
)
from .policy import Policy
from .store.base import AuditStore, StoreError
from .store.spool import Spool
from .store.spooled_reads import STATE_FAILED, STATE_READY, STATE_UNREACHABLE
from .store.spooling import Health, SpoolingStore
from .store.sqlite import SqliteStore

_LOGGER = logging.getLogger(__name__)
ISSUE_UNREACHABLE = "postgres_unreachable"
ISSUE_FAILED = "postgres_failed"
_COPIED = "copied_from_sqlite"  # the spool's note that the SQLite log was copied
# A start whose spool holds no clean record of the newest states (a first start, or one after
# a crash) waits this long for the server's answer; past it the start goes on without it.
PREPARE_WAIT_S = PG_CONNECT_TIMEOUT_S + 1.0


class DriverMissingError(Exception):
    """PostgreSQL's driver could not be installed."""


def backend_of(entry: ConfigEntry) -> str:
    """Return an entry's backend (entries made before the choice existed are SQLite)."""
    return str(entry.data.get(CONF_BACKEND, BACKEND_SQLITE))


async def async_install_driver(hass: HomeAssistant) -> None:
    """Install psycopg with Home Assistant's requirements helper (once; cached after).

    Its binary build first; where that has no wheel, psycopg alone, which must find libpq.
    """
    try:
        await async_process_requirements(hass, DOMAIN, [PG_REQUIREMENT])
    except RequirementsNotFound as err:
        first = err
    else:
        return
    try:
        await async_process_requirements(hass, DOMAIN, [PG_REQUIREMENT_FALLBACK])
        await hass.async_add_executor_job(importlib.import_module, "psycopg")
    except RequirementsNotFound as err:
        raise DriverMissingError(f"{first}; {err}") from err
    except ImportError as err:  # "no pq wrapper available": the system lacks libpq
        raise DriverMissingError(f"{first}; psycopg needs the libpq library: {err}") from err


async def async_open_store(hass: HomeAssistant, entry: ConfigEntry) -> AuditStore:
    """Build and open the entry's store, or raise the translated reason it cannot be."""
    try:
        return await _async_open_store(hass, entry)
    except DriverMissingError as err:  # pip may succeed later (a network that comes back)
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key="driver_missing",
            translation_placeholders={"error": str(err)},
        ) from err
    except StoreError as err:
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="store_unavailable",
            translation_placeholders={"error": str(err)},
        ) from err


async def _async_open_store(hass: HomeAssistant, entry: ConfigEntry) -> AuditStore:
    """Build and open the store (for PostgreSQL: the spool; the server comes later)."""
    directory = Path(hass.config.path(STORE_DIRNAME))
    if backend_of(entry) != BACKEND_POSTGRESQL:
        sqlite = SqliteStore(directory)
        try:
            await hass.async_add_executor_job(sqlite.open)
        except StoreError:
            await hass.async_add_executor_job(sqlite.close)
            raise
        return sqlite
    await async_install_driver(hass)
    # Imported here: it imports psycopg, which only PostgreSQL users have.
    from .store.postgres import PostgresStore

    url = str(entry.data[CONF_URL])
    instance = str(entry.data.get(CONF_INSTANCE, DEFAULT_INSTANCE))
    owner = entry.data.get(CONF_OWNER_URL) or None
    spool = Spool(directory / SPOOL_FILENAME, SPOOL_MAX_ROWS, SPOOL_MAX_BYTES)
    store = SpoolingStore(
        lambda: PostgresStore(url, instance=instance, owner_url=owner),
        spool,
        on_health=lambda health: _report(hass, health),
        before_ready=_copy_hook(entry, directory, spool),
    )
    await hass.async_add_executor_job(store.open)
    return store


def _copy_hook(
    entry: ConfigEntry, directory: Path, spool: Spool
) -> Callable[[AuditStore], None] | None:
    """Return what copies this machine's SQLite log into the server, when the entry asks.

    Done once: the spool remembers it (an entry update would reload the entry).
    """
    if not entry.data.get(CONF_COPY_SQLITE):
        return None
    from .store.copy import copy_into  # imports psycopg
    from .store.postgres import PostgresStore

    def _copy(target: AuditStore) -> None:
        if spool.get(_COPIED):
            return
        if not isinstance(target, PostgresStore):
            raise StoreError("the copy goes into a PostgreSQL store only")
        result = copy_into(SqliteStore(directory), target)
        _LOGGER.info(
            "Audit Trail copied %s rows of its SQLite log into PostgreSQL (%.0f rows/s), verified",
            result.rows,
            result.rows_per_s,
        )
        spool.set(_COPIED, {"rows": result.rows, "last_seq": target.last_seq})

    return _copy


async def async_start_store(
    hass: HomeAssistant, entry: ConfigEntry, store: AuditStore, policy: Policy
) -> None:
    """Make a PostgreSQL store ready in the background and keep retrying while it is away.

    Waits a little for the server only when the spool cannot answer for it (see
    PREPARE_WAIT_S); a SQLite store is ready already.
    """
    if not isinstance(store, SpoolingStore):
        return
    spooling = store

    async def _async_run(job: Callable[[Policy], list[int]]) -> None:
        seqs = await hass.async_add_executor_job(job, policy)
        if seqs:
            dispatcher_send(hass, SIGNAL_COMMITTED, seqs[-1], len(seqs))
        health = spooling.health()
        _async_report(hass, health.state, health.error, health.spooled)

    task = entry.async_create_background_task(
        hass, _async_run(spooling.prepare), f"{DOMAIN} prepare PostgreSQL"
    )
    if not spooling.clean_start:
        try:
            await asyncio.wait_for(asyncio.shield(task), PREPARE_WAIT_S)
        except TimeoutError:
            _LOGGER.warning("Audit Trail starts before its PostgreSQL server answered")

    busy = asyncio.Lock()

    async def _async_retry(_: object) -> None:
        if not task.done() or busy.locked():
            # The first attempt (a long migration or copy) or the last tick's (a long drain,
            # which holds the store's lock) is still under way: a tick never waits behind it.
            return
        health = spooling.health()
        if health.state == STATE_READY and not health.spooled and not health.lost:
            return  # nothing to try or to forward
        async with busy:
            await _async_run(spooling.retry)

    entry.async_on_unload(
        async_track_time_interval(hass, _async_retry, timedelta(seconds=SPOOL_RETRY_S))
    )


def _report(hass: HomeAssistant, health: Health) -> None:
    """Report the server's state from any thread."""
    hass.loop.call_soon_threadsafe(_async_report, hass, health.state, health.error, health.spooled)


@callback
def _async_report(hass: HomeAssistant, state: str, error: str | None, spooled: int) -> None:
    """Raise or clear the repair issues that say the server is away or could not be prepared."""
    if state == STATE_UNREACHABLE:
        ir.async_create_issue(
            hass,
            DOMAIN,
            ISSUE_UNREACHABLE,
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key=ISSUE_UNREACHABLE,
            translation_placeholders={"error": str(error), "spooled": str(spooled)},
        )
    elif state == STATE_READY and spooled == 0:
        ir.async_delete_issue(hass, DOMAIN, ISSUE_UNREACHABLE)
    if state == STATE_FAILED:
        ir.async_create_issue(
            hass,
            DOMAIN,
            ISSUE_FAILED,
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key=ISSUE_FAILED,
            translation_placeholders={"error": str(error)},
        )
    else:
        ir.async_delete_issue(hass, DOMAIN, ISSUE_FAILED)
