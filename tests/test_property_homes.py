"""Property (issue 9): in random homes, every chain reaches its true root and names every run.

Hypothesis draws a home as a chain from a root (a person's call, a device, a person's script,
a person's event, a clock) through links (automations with state or event triggers, scripts
calling scripts, groups following entities) to a last entity. The home is loaded into a real
`hass` (automations and scripts reloaded per example), the root is set off, and the last
entity's row is traced through the `audit_trail.trace` action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_fire_time_changed,
)

from custom_components.audit_trail.const import DOMAIN

from .helpers import rows

BOOLEANS = 8
ROOTS = ("user_call", "device", "user_script", "user_event", "clock")
link = st.one_of(
    st.tuples(st.just("automation"), st.integers(0, 2), st.booleans()),  # scripts, turn_on
    st.tuples(st.just("automation_event"), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("group")),
)
homes = st.tuples(st.sampled_from(ROOTS), st.lists(link, min_size=1, max_size=4))


@dataclass
class Home:
    """A drawn home as configuration, and what its trace must show."""

    automations: list[dict[str, Any]] = field(default_factory=list)
    scripts: dict[str, Any] = field(default_factory=dict)
    groups: list[tuple[str, str]] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)  # entities with a row on the way, root first
    runs: set[str] = field(default_factory=set)  # automations and scripts on the way


def _turn_on(entity_id: str) -> dict[str, Any]:
    return {"action": "input_boolean.turn_on", "target": {"entity_id": entity_id}}


def _scripts(home: Home, name: str, depth: int, target: str, via_turn_on: bool) -> dict[str, Any]:
    """Add `depth` scripts calling each other down to the one that turns the target on."""
    action = _turn_on(target)
    for level in reversed(range(depth)):
        script = f"{name}_{level}"
        home.scripts[script] = {"alias": script, "sequence": [action]}
        home.runs.add(f"script.{script}")
        action = (
            {"action": "script.turn_on", "target": {"entity_id": f"script.{script}"}}
            if via_turn_on
            else {"action": f"script.{script}"}
        )
    return action


def build(root: str, links: list[tuple[Any, ...]]) -> Home:
    """Turn a drawn (root, links) into configuration and the expected trace."""
    home = Home()
    number = 0
    current = f"input_boolean.b{number}"
    trigger: dict[str, Any] = {"trigger": "state", "entity_id": current, "to": "on"}
    if root in ("user_call", "device"):
        home.rows.append(current)
    elif root == "user_script":
        home.scripts["root"] = {"alias": "Root", "sequence": [_turn_on(current)]}
        home.runs.add("script.root")
        home.rows.append(current)
    elif root == "user_event":
        trigger = {"trigger": "event", "event_type": "root_event"}
    else:
        trigger = {"trigger": "time_pattern", "minutes": "/1"}
    for index, item in enumerate(links):
        number += 1
        target = f"input_boolean.b{number}"
        if item[0] == "group" and trigger["trigger"] != "state":
            item = ("automation", 0, False)  # noqa: PLW2901 - a group follows entities, not events
        if item[0] == "group":
            target = f"group.g{index}"
            home.groups.append((f"g{index}", current))
        else:
            name = f"a{index}"
            home.runs.add(f"automation.{name}")
            action = _scripts(home, f"s{index}", item[1], target, item[2])
            if item[0] == "automation_event":
                home.automations.append(
                    {
                        "id": f"{name}e",
                        "alias": f"{name}e",
                        "triggers": [trigger],
                        "actions": [{"event": f"relay_{index}"}],
                    }  # fmt: skip
                )
                home.runs.add(f"automation.{name}e")
                trigger = {"trigger": "event", "event_type": f"relay_{index}"}
            home.automations.append(
                {"id": name, "alias": name, "triggers": [trigger], "actions": [action]}
            )
        home.rows.append(target)
        current = target
        trigger = {"trigger": "state", "entity_id": current, "to": "on"}
    return home


async def _reload(hass: HomeAssistant, home: Home) -> None:
    config = {"automation": home.automations, "script": home.scripts}
    with patch("homeassistant.config.load_yaml_config_file", return_value=config):
        await hass.services.async_call("automation", "reload", blocking=True)
        await hass.services.async_call("script", "reload", blocking=True)
    for name, entity_id in home.groups:
        await hass.services.async_call(
            "group", "set", {"object_id": name, "entities": [entity_id]}, blocking=True
        )
    await hass.async_block_till_done(wait_background_tasks=True)


async def _set_off(hass: HomeAssistant, root: str, user: MockUser, freezer: Any) -> None:
    ctx = Context(user_id=user.id)
    if root == "user_call":
        await hass.services.async_call(
            "input_boolean",
            "turn_on",
            {"entity_id": "input_boolean.b0"},
            blocking=True,
            context=ctx,
        )
    elif root == "device":
        hass.states.async_set("input_boolean.b0", "on")
    elif root == "user_script":
        await hass.services.async_call("script", "root", blocking=True, context=ctx)
    elif root == "user_event":
        hass.bus.async_fire("root_event", context=ctx)
    else:
        freezer.tick(timedelta(minutes=1))
        async_fire_time_changed(hass, dt_util.utcnow())
    await hass.async_block_till_done(wait_background_tasks=True)


@settings(
    max_examples=60,
    derandomize=True,  # the same homes on every run, in CI too
    report_multiple_bugs=False,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=homes)
async def test_every_chain_reaches_its_root_and_names_every_run(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_admin_user: MockUser,
    freezer: Any,
    drawn: tuple[str, list[tuple[Any, ...]]],
) -> None:
    if "input_boolean" not in hass.config.components:
        booleans = {f"b{i}": {} for i in range(BOOLEANS)}
        assert await async_setup_component(hass, "input_boolean", {"input_boolean": booleans})
        for domain in ("automation", "script", "group"):
            assert await async_setup_component(hass, domain, {})
    # Hypothesis seeds `random` alike for every example, and the newest Home Assistant draws
    # the random part of context ids from it: a new instant keeps examples' contexts apart.
    freezer.tick(timedelta(seconds=1))
    root, links = drawn
    home = build(root, links)
    await _reload(hass, Home())  # nothing reacts while the home is reset
    for i in range(BOOLEANS):
        await hass.services.async_call(
            "input_boolean", "turn_off", {"entity_id": f"input_boolean.b{i}"}, blocking=True
        )
    await _reload(hass, home)
    await _set_off(hass, root, hass_admin_user, freezer)
    last = home.rows[-1]
    note(f"{home}")
    note(
        str(
            [(r.seq, r.entity_id, r.new_state, r.cause) for r in await rows(hass, loaded_entry)][
                -12:
            ]
        )
    )
    found = [r for r in await rows(hass, loaded_entry, last) if r.new_state == "on"]
    assert found, (home, "the last entity never turned on")
    answer = await hass.services.async_call(
        DOMAIN, "trace", {"seq": found[-1].seq}, blocking=True, return_response=True,
        context=Context(user_id=hass_admin_user.id),
    )  # fmt: skip
    assert answer is not None
    hops = answer["hops"]
    # Every recorded change on the way, in order, and nothing else: the true root is reached.
    assert [h["entity_id"] for h in hops if h["hop"] == "state_change"] == home.rows[::-1], hops
    named = {h["entity_id"] for h in hops if h["hop"] in ("automation_run", "script_run")}
    assert named == home.runs, hops
    if root.startswith("user"):
        assert hops[-1] == {
            "hop": "user", "user_id": hass_admin_user.id, "user_name": hass_admin_user.name,
        }  # fmt: skip
    elif root == "device":
        assert hops[-1]["hop"] == "device"
        assert hops[-2]["cause"]["kind"] == "device"
    else:
        assert hops[-1]["hop"] == "automation_run"
        assert "time pattern" in hops[-1]["trigger"]
