"""Helpers shared by the tests: wait for the writer, read what it wrote."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.audit_trail.models import EVENT_TYPES, StoredRow

END_OF_TIME_US = 2**62

# The automation both causation scenarios share: motion turns the light on.
MOTION_LIGHT = {
    "id": "motion_light",
    "alias": "Motion light",
    "triggers": [{"trigger": "state", "entity_id": "input_boolean.motion", "to": "on"}],
    "actions": [
        {"action": "input_boolean.turn_on", "target": {"entity_id": "input_boolean.light"}}
    ],
}


@dataclass
class Held:
    """The calls a `call_held` block holds: set once one is inside, and their arguments."""

    inside: threading.Event = field(default_factory=threading.Event)
    calls: list[tuple[Any, ...]] = field(default_factory=list)


@contextmanager
def call_held(obj: Any, name: str) -> Iterator[Held]:
    """Hold every call of obj.name inside it (a slow disk, a long drain) until the block ends."""
    gate, held = threading.Event(), Held()
    original = getattr(obj, name)

    def slow(*args: Any) -> Any:
        held.calls.append(args)
        held.inside.set()
        gate.wait(10)
        return original(*args)

    setattr(obj, name, slow)
    try:
        yield held
    finally:
        gate.set()
        setattr(obj, name, original)


@asynccontextmanager
async def writer_held(
    hass: HomeAssistant, entry: MockConfigEntry
) -> AsyncIterator[Callable[[], Awaitable[bool]]]:
    """Hold the writer inside its next write, as a slow disk would, until the block ends.

    Yields what waits until the writer is inside that write; at the end it lets go and flushes.
    """
    writer = entry.runtime_data.writer
    try:
        with call_held(writer._store, "append") as held:
            yield lambda: hass.async_add_executor_job(held.inside.wait, 10)
    finally:
        await hass.async_add_executor_job(writer.flush, 10)


async def flush(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Let every listener run, then wait until the writer has committed everything."""
    await hass.async_block_till_done()
    assert await hass.async_add_executor_job(entry.runtime_data.writer.flush, 10)


async def rows(
    hass: HomeAssistant, entry: MockConfigEntry, entity_id: str | None = None
) -> list[StoredRow]:
    """Return every row (checkpoints included), optionally of one entity, oldest first."""
    await flush(hass, entry)
    store = entry.runtime_data.store
    found = await hass.async_add_executor_job(
        lambda: store.history(
            None if entity_id is None else [entity_id],
            0,
            END_OF_TIME_US,
            EVENT_TYPES,
            0,
            100_000,
        )
    )
    return list(found)
