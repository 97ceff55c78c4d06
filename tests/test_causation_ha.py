"""Causes recorded for real automations, scripts, scenes, helpers, templates and groups."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_fire_time_changed,
)

from .helpers import MOTION_LIGHT, rows


@pytest.fixture
async def home(hass: HomeAssistant, loaded_entry: MockConfigEntry) -> MockConfigEntry:
    """Set up a small home: helpers, automations, a script, a scene, a template, a group."""
    assert await async_setup_component(
        hass,
        "input_boolean",
        {"input_boolean": {"motion": {}, "light": {}, "night": {}}},
    )
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                MOTION_LIGHT,
                {
                    "id": "every_minute",
                    "alias": "Every minute",
                    "initial_state": False,  # on only in its own test: no timer elsewhere
                    "triggers": [{"trigger": "time_pattern", "minutes": "/1"}],
                    "actions": [
                        {
                            "action": "input_boolean.toggle",
                            "target": {"entity_id": "input_boolean.night"},
                        }
                    ],
                },
                {
                    "id": "on_event",
                    "alias": "Night on event",
                    "triggers": [{"trigger": "event", "event_type": "go_night"}],
                    "actions": [{"action": "script.goodnight"}],
                },
            ]
        },
    )
    assert await async_setup_component(
        hass,
        "script",
        {
            "script": {
                "goodnight": {
                    "alias": "Goodnight",
                    "sequence": [
                        {
                            "action": "input_boolean.turn_on",
                            "target": {"entity_id": "input_boolean.night"},
                        },
                        {
                            "action": "input_boolean.turn_off",
                            "target": {"entity_id": "input_boolean.light"},
                        },
                    ],
                }
            }
        },
    )
    assert await async_setup_component(
        hass,
        "template",
        {
            "template": [
                {
                    "sensor": [
                        {
                            "name": "Light copy",
                            "state": "{{ states('input_boolean.light') }}",
                        }
                    ]
                }
            ]
        },
    )
    assert await async_setup_component(
        hass,
        "group",
        {"group": {"helpers": {"entities": ["input_boolean.light", "input_boolean.night"]}}},
    )
    assert await async_setup_component(
        hass,
        "scene",
        {"scene": [{"name": "Evening", "entities": {"input_boolean.light": "on"}}]},
    )
    await hass.async_block_till_done()
    return loaded_entry


async def call_as(hass: HomeAssistant, user: MockUser, action: str, entity_id: str) -> None:
    """Call an action on an entity as a user would from the UI."""
    domain, service = action.split(".")
    await hass.services.async_call(
        domain, service, {"entity_id": entity_id}, blocking=True, context=Context(user_id=user.id)
    )


def last(found: list[Any], new_state: str) -> Any:
    """Return the last row that set a given state."""
    return next(r for r in reversed(found) if r.new_state == new_state)


async def test_motion_automation_light_chain(hass: HomeAssistant, home: MockConfigEntry) -> None:
    hass.states.async_set("input_boolean.motion", "on")  # as a device would (no user, no parent)
    await hass.async_block_till_done()
    motion = last(await rows(hass, home, "input_boolean.motion"), "on")
    light = last(await rows(hass, home, "input_boolean.light"), "on")
    assert motion.cause["kind"] == "device"
    assert light.cause["kind"] == "automation"
    assert light.cause["entity_id"] == "automation.motion_light"
    assert light.cause["name"] == "Motion light"
    assert light.cause["trigger_entity_id"] == "input_boolean.motion"
    assert "input_boolean.motion" in light.cause["trigger"]
    assert light.cause["service"] == "input_boolean.turn_on"
    assert light.cause["confidence"] == "high"
    assert light.causation_seq == motion.seq
    # The template sensor follows the light: caused by that entity's row.
    copy = last(await rows(hass, home, "sensor.light_copy"), "on")
    assert copy.cause["kind"] == "entity"
    assert copy.cause["entity_id"] == "input_boolean.light"
    assert copy.causation_seq == light.seq
    group = last(await rows(hass, home, "group.helpers"), "on")
    assert group.cause["kind"] == "entity"
    assert group.causation_seq == light.seq
    chain = await hass.async_add_executor_job(home.runtime_data.store.chain, copy.seq)
    assert [r.seq for r in chain] == [copy.seq, light.seq, motion.seq]


async def test_user_behind_script_behind_automation(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    # A user fires an event from the UI; an automation reacts and runs a script.
    hass.bus.async_fire("go_night", context=Context(user_id=hass_admin_user.id))
    await hass.async_block_till_done()
    night = last(await rows(hass, home, "input_boolean.night"), "on")
    assert night.cause["kind"] == "script"
    assert night.cause["entity_id"] == "script.goodnight"
    assert night.cause["via"] == "automation.night_on_event"
    assert night.cause["user_id"] == hass_admin_user.id
    assert night.cause["service"] == "input_boolean.turn_on"


async def test_user_action_call(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    await call_as(hass, hass_admin_user, "input_boolean.turn_on", "input_boolean.night")
    night = last(await rows(hass, home, "input_boolean.night"), "on")
    assert night.cause["kind"] == "user"
    assert night.cause["user_id"] == hass_admin_user.id
    assert night.cause["service"] == "input_boolean.turn_on"
    assert night.causation_seq is None


async def test_automation_run_from_ui_names_the_user(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    await call_as(hass, hass_admin_user, "automation.trigger", "automation.motion_light")
    await hass.async_block_till_done()
    light = last(await rows(hass, home, "input_boolean.light"), "on")
    assert light.cause["kind"] == "automation"
    assert light.cause["user_id"] == hass_admin_user.id


async def test_scene_by_user(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    await call_as(hass, hass_admin_user, "scene.turn_on", "scene.evening")
    light = last(await rows(hass, home, "input_boolean.light"), "on")
    assert light.cause["kind"] == "user"
    assert light.cause["user_id"] == hass_admin_user.id


async def test_script_called_without_user_is_an_action(
    hass: HomeAssistant, home: MockConfigEntry
) -> None:
    await hass.services.async_call("script", "goodnight", blocking=True)
    night = last(await rows(hass, home, "input_boolean.night"), "on")
    assert night.cause["kind"] == "script"
    assert night.cause["entity_id"] == "script.goodnight"
    assert "user_id" not in night.cause


async def test_stale_context_is_low_confidence(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser, freezer: Any
) -> None:
    # A user turns a helper on; 3 s later the "device" changes it again while Home Assistant
    # still hands out the user's context: that must not be silently blamed on the user.
    await call_as(hass, hass_admin_user, "input_boolean.turn_on", "input_boolean.night")
    on_row = last(await rows(hass, home, "input_boolean.night"), "on")
    freezer.tick(3)
    state = hass.states.get("input_boolean.night")
    assert state is not None
    hass.states.async_set("input_boolean.night", "off", context=state.context)
    off_row = last(await rows(hass, home, "input_boolean.night"), "off")
    assert on_row.cause["confidence"] == "high"
    assert off_row.cause["kind"] == "user"
    assert off_row.cause["confidence"] == "low"
    assert off_row.cause["reason"] == "context_reused"


async def test_time_triggered_automation(
    hass: HomeAssistant, home: MockConfigEntry, freezer: Any
) -> None:
    await hass.services.async_call(
        "automation", "turn_on", {"entity_id": "automation.every_minute"}, blocking=True
    )
    freezer.tick(timedelta(minutes=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    await hass.services.async_call(
        "automation", "turn_off", {"entity_id": "automation.every_minute"}, blocking=True
    )
    night = last(await rows(hass, home, "input_boolean.night"), "on")
    assert night.cause["kind"] == "automation"
    assert night.cause["entity_id"] == "automation.every_minute"
    assert "time pattern" in night.cause["trigger"]
    assert night.causation_seq is None  # a clock is not a recorded row
    assert "user_id" not in night.cause


async def test_origin_event_fills_a_forgotten_context(
    hass: HomeAssistant, home: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    # An action call fired before Audit Trail listened (or long forgotten by the memo): the
    # context still carries its origin event, which names the action.
    ctx = Context(user_id=hass_admin_user.id)
    hass.bus.async_fire(
        "call_service",
        {"domain": "input_boolean", "service": "turn_on", "service_data": {}},
        context=ctx,
    )
    home.runtime_data.capture._memo._entries.pop(ctx.id)
    assert ctx.origin_event is not None
    hass.states.async_set("input_boolean.night", "on", context=ctx)
    night = last(await rows(hass, home, "input_boolean.night"), "on")
    assert night.cause["kind"] == "user"
    assert night.cause["service"] == "input_boolean.turn_on"
