"""Copying a SQLite log into PostgreSQL keeps every seq and hash, and the copy verifies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN, TITLE
from custom_components.audit_trail.models import (
    ET_STATE_CHANGED,
    EVENT_TYPES,
    KIND_AUTOMATION,
    KIND_DEVICE,
    Cause,
    Record,
)
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.base import StoreError
from custom_components.audit_trail.store.copy import copy_into
from custom_components.audit_trail.store.postgres import PostgresStore
from custom_components.audit_trail.store.spooling import SpoolingStore
from custom_components.audit_trail.store.sqlite import SqliteStore

from .helpers import flush
from .pg import Place, fresh_schema

POLICY = Policy.from_options({})
END = 2**62
DAY = 86_400_000_000


def us(year: int, month: int, day: int) -> int:
    return int(dt.datetime(year, month, day, 12, tzinfo=dt.UTC).timestamp() * 1_000_000)


def change(entity: str, state: str, time_us: int) -> Record:
    return Record(
        ref=0,
        time_us=time_us,
        event_type=ET_STATE_CHANGED,
        cause=Cause(kind=KIND_DEVICE),
        entity_id=entity,
        new_state=state,
    )


@pytest.fixture
def place() -> Iterator[Place]:
    with fresh_schema() as found:
        yield found


def _sqlite_log(directory: Path) -> SqliteStore:
    """Write a log over four months (checkpoints at each start) and a late row; drop January."""
    store = SqliteStore(directory)
    store.open()
    run = Cause(kind=KIND_AUTOMATION, entity_id="automation.night", trigger="time")
    for month in (1, 2, 3, 4):
        rows = [
            Record(
                ref=month * 100 + i,
                time_us=us(2026, month, 3) + i * DAY,
                event_type=ET_STATE_CHANGED,
                cause=run if i % 2 else Cause(kind=KIND_DEVICE),
                entity_id=f"sensor.s{i % 3}",
                old_state=str(i - 1),
                new_state=str(i),
                new_attributes={"unit_of_measurement": "°C", "i": i, "latitude": 4.5},
                context_id="01J0000000000000000000000A" if i == 1 else None,
                causation_ref=month * 100 + i - 1 if i else None,
            )
            for i in range(6)
        ]
        store.append(rows, POLICY)
    store.append([change("sensor.late", "x", us(2026, 3, 28))], POLICY)  # in April, dated March
    assert store.drop_partition("2026-01", archive=False)  # the copy starts mid-chain
    return store


def _chain(store: SqliteStore | PostgresStore) -> list[tuple[int, bytes, str | None]]:
    rows = store.history(None, 0, END, EVENT_TYPES, 0, 100_000)
    return [(r.seq, r.hash, r.new_state) for r in rows]


def test_copy_keeps_every_seq_and_hash(place: Place, tmp_path: Path) -> None:
    source = _sqlite_log(tmp_path / "log")
    target = PostgresStore(place.writer_url, "copied", place.owner_url)
    target.open()
    result = copy_into(source, target)
    expected = _chain(source)
    assert expected[0][0] > 1  # January is gone: the chain starts at February's first seq
    assert _chain(target) == expected
    assert result.rows == len(expected)
    assert result.months == 3
    assert result.verified >= len(expected)
    print(f"copied {result.rows} rows in {result.seconds:.3f} s: {result.rows_per_s:.0f} rows/s")  # noqa: T201

    # More rows in SQLite, and the copy continues where it stopped.
    source.append([change("sensor.s0", "more", us(2026, 4, 20))], POLICY)
    again = copy_into(source, target)
    assert again.rows == 1
    assert _chain(target) == _chain(source)
    target.close()
    source.close()


def test_copy_refuses_another_chain(place: Place, tmp_path: Path) -> None:
    source = _sqlite_log(tmp_path / "log")
    target = PostgresStore(place.writer_url, "other", place.owner_url)
    target.open()
    target.append([change("light.x", "on", us(2026, 5, 1))], POLICY)
    with pytest.raises(StoreError, match="not this log"):
        copy_into(source, target)
    target.close()
    source.close()


async def test_reconfigured_entry_copies_before_it_writes(
    hass: HomeAssistant, place: Place
) -> None:
    entry = MockConfigEntry(domain=DOMAIN, title=TITLE, data={}, options=dict(DEFAULT_OPTIONS))
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set("light.kitchen", "on")
    await flush(hass, entry)
    sqlite_rows = await hass.async_add_executor_job(_chain, entry.runtime_data.store)
    assert await hass.config_entries.async_unload(entry.entry_id)

    data = {"backend": "postgresql", "url": place.writer_url, "owner_url": place.owner_url}
    hass.config_entries.async_update_entry(entry, data={**data, "copy_sqlite": True})
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    hass.states.async_set("light.kitchen", "off")
    await flush(hass, entry)
    store = entry.runtime_data.store
    assert isinstance(store, SpoolingStore)
    assert store.state == "ready"
    rows = await hass.async_add_executor_job(store.history, None, 0, END, EVENT_TYPES, 0, 10_000)
    assert [(r.seq, r.hash, r.new_state) for r in rows[: len(sqlite_rows)]] == sqlite_rows
    assert rows[-1].entity_id == "light.kitchen"
    assert rows[-1].new_state == "off"  # written after the copy, on the same chain
    assert (await hass.async_add_executor_job(store.verify)).ok
    assert await hass.config_entries.async_unload(entry.entry_id)
    # A later start does not copy again (the instance holds rows the SQLite log lacks now).
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert entry.runtime_data.store.state == "ready"
    assert await hass.config_entries.async_unload(entry.entry_id)
