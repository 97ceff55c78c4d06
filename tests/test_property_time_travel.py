"""Property (issue 9): `state_at` equals Home Assistant's recorder at every instant.

Hypothesis draws sequences of value changes, attribute-only changes, removals and re-adds with
frozen time jumping over month boundaries. The recorder (Home Assistant's own, on the same
`hass`) is the oracle for state and attributes at random instants, through
`get_significant_states(..., include_start_time_state=True)`; `last_changed` is checked against
the true time the value last changed, which the recorder clamps to the start of its window.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from homeassistant.components.recorder import get_instance, history
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.audit_trail.const import DOMAIN

from .conftest import make_entry
from .helpers import flush

ENTITIES = ("a", "b", "c")
RUNS = itertools.count(1)
# Gaps between steps: a blink, a minute, hours, days and most of a month (crossing months).
GAPS = (0.4, 61, 3 * 3600, 2 * 86400, 25 * 86400)
step = st.one_of(
    st.tuples(
        st.just("set"),
        st.sampled_from(ENTITIES),
        st.sampled_from(["1", "2", "on"]),
        st.sampled_from([0, 1]),
    ),  # fmt: skip
    st.tuples(st.just("remove"), st.sampled_from(ENTITIES)),
    st.tuples(st.just("wait"), st.sampled_from(GAPS)),
)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(recorder_mock: Any, enable_custom_integrations: None) -> None:
    """Set the recorder up before hass exists (it must come first), then allow custom code."""


@pytest.fixture(autouse=True)
def isolated_config_dir(recorder_mock: Any, hass: HomeAssistant, tmp_path: Path) -> None:
    """Give the test its own configuration directory, after the recorder is set up."""
    hass.config.config_dir = str(tmp_path)


@pytest.fixture
async def entry(hass: HomeAssistant, freezer: Any) -> MockConfigEntry:
    """Audit Trail loaded at the end of a month, with the recorder beside it."""
    freezer.move_to("2026-01-31T22:00:00+00:00")
    found = make_entry()
    found.add_to_hass(hass)
    assert await hass.config_entries.async_setup(found.entry_id)
    await hass.async_block_till_done()
    return found


async def _recorder_at(hass: HomeAssistant, ids: list[str], at: datetime) -> dict[str, Any]:
    """Return the recorder's state of each entity at a time (None when it had none)."""
    found = await get_instance(hass).async_add_executor_job(
        partial(
            history.get_significant_states, hass, at, None, ids,
            include_start_time_state=True, significant_changes_only=False,
        )
    )  # fmt: skip
    out: dict[str, Any] = {}
    for entity_id in ids:
        states = found.get(entity_id) or []
        first = states[0] if states else None
        present = first is not None and first.last_updated <= at and first.state not in ("", None)
        out[entity_id] = (first.state, dict(first.attributes)) if present else None
    return out


@settings(
    max_examples=30,
    derandomize=True,  # the same sequences on every run, in CI too
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(step, min_size=1, max_size=14),
    picks=st.lists(st.floats(0, 1), min_size=6, max_size=6),
)
async def test_state_at_equals_the_recorder_at_every_instant(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    freezer: Any,
    steps: list[tuple[Any, ...]],
    picks: list[float],
) -> None:
    # Each example has entities of its own and starts just before a month's end.
    run = next(RUNS)
    now = dt_util.utcnow()
    month_end = (now.replace(day=28) + timedelta(days=4)).replace(day=1, hour=0, minute=0)
    freezer.move_to(month_end - timedelta(hours=1))
    start = dt_util.utcnow()
    ids = [f"sensor.r{run}_{name}" for name in ENTITIES]
    changed: dict[str, datetime] = {}  # the true last_changed of each present entity
    # At the very microsecond of a change the recorder answers the state before it, Audit
    # Trail the state after it (a row at T is the state at T); those instants are skipped.
    moments: set[datetime] = set()
    instants = [start]
    for item in steps:
        if item[0] == "wait":
            freezer.tick(timedelta(seconds=item[1]))
            instants.append(dt_util.utcnow())
            continue
        entity_id = f"sensor.r{run}_{item[1]}"
        old = hass.states.get(entity_id)
        if item[0] == "remove":
            hass.states.async_remove(entity_id)
            changed.pop(entity_id, None)
        else:
            hass.states.async_set(entity_id, item[2], {"unit_of_measurement": "W", "v": item[3]})
            if old is None or old.state != item[2]:
                changed[entity_id] = dt_util.utcnow()
        moments.add(dt_util.utcnow())
        await hass.async_block_till_done()
        freezer.tick(timedelta(microseconds=1000))
        instants.append(dt_util.utcnow())
    ids = [e for e in ids if any(s[0] == "set" and e.endswith(f"_{s[1]}") for s in steps)]
    if not ids:
        return
    await flush(hass, entry)
    await async_wait_recording_done(hass)
    end = dt_util.utcnow()
    # Instants: just after each step, month starts inside the span, and random ones.
    asked = set(instants)
    asked.update(start + (end - start) * p for p in picks)
    month = start.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    while month <= end:
        asked.update({month, month + timedelta(hours=3)})
        month = (month + timedelta(days=32)).replace(day=1)
    for at in sorted(a for a in asked - moments if start <= a <= end):
        oracle = await _recorder_at(hass, ids, at)
        answer = await hass.services.async_call(
            DOMAIN, "state_at", {"entity_id": ids, "at": at.isoformat()},
            blocking=True, return_response=True,
        )  # fmt: skip
        assert answer is not None
        note(f"at {at.isoformat()}: recorder {oracle}, audit trail {answer['states']}")
        for entity_id in ids:
            ours = answer["states"][entity_id]
            got = None if ours is None else (ours["state"], ours["attributes"])
            assert got == oracle[entity_id], (entity_id, at)
    # last_changed is the true one (the recorder clamps it to the window's start).
    final = await hass.services.async_call(
        DOMAIN, "state_at", {"entity_id": ids, "at": end.isoformat()},
        blocking=True, return_response=True,
    )  # fmt: skip
    assert final is not None
    for entity_id, when in changed.items():
        assert dt_util.parse_datetime(final["states"][entity_id]["last_changed"]) == when
