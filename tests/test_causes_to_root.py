"""Issue 9: every chain reaches its root, each hop named, every stored cause field readable.

The scenarios are the demo home's: a person (or a script) turns motion on, an automation turns
the light on, sometimes through a script. Each is traced through the `audit_trail.trace` action
as a person asking "why did this happen?" would.
"""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.audit_trail.const import DOMAIN
from custom_components.audit_trail.models import Cause
from custom_components.audit_trail.serialize import CAUSE_FIELDS

from .helpers import MOTION_LIGHT, rows


@pytest.fixture
async def home(hass: HomeAssistant, loaded_entry: MockConfigEntry) -> MockConfigEntry:
    """Motion turns the light on directly; a second motion sensor does it through a script."""
    assert await async_setup_component(
        hass,
        "input_boolean",
        {"input_boolean": {"motion": {}, "light": {}, "porch_motion": {}, "porch": {}}},
    )
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                MOTION_LIGHT,
                {
                    "id": "porch_motion",
                    "alias": "Porch motion",
                    "triggers": [
                        {"trigger": "state", "entity_id": "input_boolean.porch_motion", "to": "on"}
                    ],
                    "actions": [{"action": "script.porch_on"}],
                },
            ]
        },
    )
    assert await async_setup_component(
        hass,
        "script",
        {
            "script": {
                "porch_on": {
                    "alias": "Porch on",
                    "sequence": [
                        {
                            "action": "input_boolean.turn_on",
                            "target": {"entity_id": "input_boolean.porch"},
                        }
                    ],
                },
                "wave": {
                    "alias": "Wave at the sensor",
                    "sequence": [
                        {
                            "action": "input_boolean.turn_on",
                            "target": {"entity_id": "input_boolean.motion"},
                        }
                    ],
                },
            }
        },
    )
    await hass.async_block_till_done()
    return loaded_entry


async def as_user(hass: HomeAssistant, user: MockUser, action: str, entity_id: str) -> None:
    domain, service = action.split(".")
    await hass.services.async_call(
        domain, service, {"entity_id": entity_id}, blocking=True, context=Context(user_id=user.id)
    )
    await hass.async_block_till_done()


async def trace(hass: HomeAssistant, user: MockUser, seq: int) -> Any:
    return await hass.services.async_call(
        DOMAIN, "trace", {"seq": seq}, blocking=True, return_response=True,
        context=Context(user_id=user.id),
    )  # fmt: skip


def newest(found: list[Any], state: str) -> Any:
    return next(r for r in reversed(found) if r.new_state == state)


def kinds(answer: dict[str, Any]) -> list[str]:
    return [h["hop"] for h in answer["hops"]]


async def test_user_motion_light_chain_reaches_the_user(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    # Defect 1: the chain stopped at the automation when a person made the triggering change.
    await as_user(hass, hass_admin_user, "input_boolean.turn_on", "input_boolean.motion")
    motion = newest(await rows(hass, home, "input_boolean.motion"), "on")
    light = newest(await rows(hass, home, "input_boolean.light"), "on")
    assert motion.cause["kind"] == "user"
    assert light.cause["kind"] == "automation"
    assert light.cause["user_id"] == hass_admin_user.id
    assert light.cause["trigger_entity_id"] == "input_boolean.motion"
    assert light.causation_seq == motion.seq
    answer = await trace(hass, hass_admin_user, light.seq)
    assert [e["seq"] for e in answer["chain"]] == [light.seq, motion.seq]
    assert kinds(answer) == [
        "state_change", "automation_run", "state_change", "action_call", "user",
    ]  # fmt: skip
    run = answer["hops"][1]
    assert run["entity_id"] == "automation.motion_light"
    assert run["name"] == "Motion light"
    assert "input_boolean.motion" in run["trigger"]
    assert answer["hops"][3]["service"] == "input_boolean.turn_on"
    assert answer["hops"][-1]["user_id"] == hass_admin_user.id
    assert answer["hops"][-1]["user_name"] == hass_admin_user.name
    # The automation's own entity (its last_triggered and current run count) is the run's.
    own = [r for r in await rows(hass, home, "automation.motion_light") if r.seq > motion.seq]
    assert own
    assert {r.cause["kind"] for r in own} == {"automation"}


async def test_script_made_trigger_change_chain_reaches_the_user(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    # Defect 1, second form: a script made the triggering change.
    await as_user(hass, hass_admin_user, "script.turn_on", "script.wave")
    motion = newest(await rows(hass, home, "input_boolean.motion"), "on")
    light = newest(await rows(hass, home, "input_boolean.light"), "on")
    assert motion.cause["kind"] == "script"
    assert light.causation_seq == motion.seq
    answer = await trace(hass, hass_admin_user, light.seq)
    assert kinds(answer) == ["state_change", "automation_run", "state_change", "script_run", "user"]
    assert answer["hops"][3]["entity_id"] == "script.wave"


async def test_automation_running_a_script_is_named_at_every_hop(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    # Defects 1 (one hop further down) and 2 (the automation vanished behind the script).
    await as_user(hass, hass_admin_user, "input_boolean.turn_on", "input_boolean.porch_motion")
    motion = newest(await rows(hass, home, "input_boolean.porch_motion"), "on")
    porch = newest(await rows(hass, home, "input_boolean.porch"), "on")
    assert porch.cause["kind"] == "script"
    assert porch.cause["entity_id"] == "script.porch_on"
    assert porch.cause["via"] == "automation.porch_motion"
    assert [r["entity_id"] for r in porch.cause["runs"]] == [
        "automation.porch_motion", "script.porch_on",
    ]  # fmt: skip
    assert "input_boolean.porch_motion" in porch.cause["runs"][0]["trigger"]
    assert porch.causation_seq == motion.seq
    answer = await trace(hass, hass_admin_user, porch.seq)
    assert kinds(answer) == [
        "state_change", "script_run", "automation_run", "state_change", "action_call", "user",
    ]  # fmt: skip
    script_hop, automation_hop = answer["hops"][1], answer["hops"][2]
    assert script_hop["entity_id"] == "script.porch_on"
    assert script_hop["name"] == "Porch on"
    assert automation_hop["entity_id"] == "automation.porch_motion"
    assert automation_hop["name"] == "Porch motion"
    assert automation_hop["trigger_entity_id"] == "input_boolean.porch_motion"
    # The row's cause, as every answer gives it, names the automation too.
    assert answer["chain"][0]["cause"]["via"] == "automation.porch_motion"


async def test_every_stored_cause_field_is_answered(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    # Defect 3: parent_id, run_id, trigger_entity_id, via, platform and reason were dropped.
    assert set(Cause.__slots__) <= set(CAUSE_FIELDS)
    await as_user(hass, hass_admin_user, "input_boolean.turn_on", "input_boolean.porch_motion")
    porch = newest(await rows(hass, home, "input_boolean.porch"), "on")
    answer = await hass.services.async_call(
        DOMAIN, "history", {"entity_id": "input_boolean.porch", "start": "-1h"},
        blocking=True, return_response=True, context=Context(user_id=hass_admin_user.id),
    )  # fmt: skip
    assert answer is not None
    cause = next(e for e in answer["events"] if e["seq"] == porch.seq)["cause"]
    for field in ("parent_id", "run_id", "trigger_entity_id", "via", "runs", "context_id"):
        assert cause[field] == porch.cause[field], field
    assert cause["user_name"] == hass_admin_user.name
