"""One scenario through Home Assistant's logbook and through Audit Trail, side by side.

For every logbook entry of the scenario's entities, Audit Trail must name at least the cause the
logbook names, and more where the logbook cannot: the user behind an automation, more than one
hop, and a context reused after it went stale.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockUser
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from .conftest import make_entry
from .helpers import MOTION_LIGHT, rows


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(recorder_mock: Any, enable_custom_integrations: None) -> None:
    """Set the recorder up before hass exists (it must come first), then allow custom code."""


@pytest.fixture(autouse=True)
def isolated_config_dir(recorder_mock: Any, hass: HomeAssistant, tmp_path: Path) -> None:
    """Give the test its own configuration directory, after the recorder is set up."""
    hass.config.config_dir = str(tmp_path)


async def _scenario(hass: HomeAssistant, user: MockUser, freezer: Any) -> None:
    for domain, config in (
        ("input_boolean", {"input_boolean": {"motion": {}, "light": {}, "night": {}}}),
        (
            "automation",
            {
                "automation": [
                    MOTION_LIGHT,
                    {
                        "id": "night",
                        "alias": "Night",
                        "triggers": [{"trigger": "event", "event_type": "go_night"}],
                        "actions": [{"action": "script.goodnight"}],
                    },
                ]
            },
        ),
        (
            "script",
            {
                "script": {
                    "goodnight": {
                        "sequence": [
                            {
                                "action": "input_boolean.turn_on",
                                "target": {"entity_id": "input_boolean.night"},
                            }
                        ]
                    }
                }
            },
        ),
    ):
        assert await async_setup_component(hass, domain, config)
    await hass.async_block_till_done()
    # 1. A device: motion, and the automation that turns the light on.
    hass.states.async_set("input_boolean.motion", "on")
    await hass.async_block_till_done()
    # 2. A user fires an event; an automation runs a script that turns night mode on.
    hass.bus.async_fire("go_night", context=Context(user_id=user.id))
    await hass.async_block_till_done()
    # 3. A user turns the light off; 3 s later the device turns it on under the stale context.
    await hass.services.async_call(
        "input_boolean", "turn_off", {"entity_id": "input_boolean.light"},
        blocking=True, context=Context(user_id=user.id),
    )  # fmt: skip
    freezer.tick(3)
    state = hass.states.get("input_boolean.light")
    assert state is not None
    hass.states.async_set("input_boolean.light", "on", context=state.context)
    await hass.async_block_till_done()
    # 4. A person makes the triggering change: the user turns motion on from the UI, and the
    # automation turns the light on (Home Assistant 2026.4+ credits the user in the logbook).
    for service, entity_id in (
        ("turn_off", "input_boolean.motion"),
        ("turn_off", "input_boolean.light"),
        ("turn_on", "input_boolean.motion"),
    ):
        freezer.tick(10)
        await hass.services.async_call(
            "input_boolean", service, {"entity_id": entity_id},
            blocking=True, context=Context(user_id=user.id),
        )  # fmt: skip
        await hass.async_block_till_done()


async def test_audit_trail_names_every_cause_the_logbook_names_and_more(
    recorder_mock: Any,
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: MockUser,
    freezer: Any,
) -> None:
    start = dt_util.utcnow() - timedelta(seconds=1)
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    # The logbook's only use of the frontend is registering its panel; the frontend package is
    # not installed for tests, so that one boundary is stubbed.
    hass.config.components.add("frontend")
    with patch("homeassistant.components.frontend.async_register_built_in_panel"):
        assert await async_setup_component(hass, "logbook", {})
    await _scenario(hass, hass_admin_user, freezer)
    await async_wait_recording_done(hass)

    client = await hass_ws_client()
    await client.send_json(
        {
            "id": 1,
            "type": "logbook/get_events",
            "start_time": start.isoformat(),
            "end_time": (dt_util.utcnow() + timedelta(seconds=1)).isoformat(),
        }
    )
    answer = await client.receive_json()
    assert answer["success"], answer
    logbook = [e for e in answer["result"] if e.get("entity_id", "").startswith("input_boolean.")]
    audit = [
        r
        for r in await rows(hass, entry)
        if r.entity_id and r.entity_id.startswith("input_boolean.")
    ]

    def audit_row(entity_id: str, state: str, nth: int = 0) -> Any:
        return [
            r
            for r in audit
            if r.entity_id == entity_id and r.new_state == state and r.event_type == "state_changed"
        ][nth]

    matched = 0
    for book in logbook:
        when = book["when"]
        if not isinstance(when, (int, float)):
            when = dt_util.parse_datetime(when).timestamp()  # type: ignore[union-attr]
        row = next(
            r
            for r in audit
            if r.entity_id == book["entity_id"]
            and r.new_state == book.get("state")
            and abs(r.time_us / 1e6 - when) < 0.001
            and r.context_id == book.get("context_id", r.context_id)
            and r.event_type == "state_changed"  # the logbook leaves out entities appearing
        )
        matched += 1
        if book.get("context_user_id"):
            assert row.cause.get("user_id") == book["context_user_id"], (book, row.cause)
        if book.get("context_entity_id"):
            named = {row.cause.get(k) for k in ("entity_id", "via", "trigger_entity_id")}
            assert book["context_entity_id"] in named, (book, row.cause)
        if book.get("context_service"):
            assert row.cause.get("service", "").endswith(book["context_service"]), (book, row.cause)
    assert matched >= 5

    # More than the logbook: the chain reaches the motion sensor's own row (two hops).
    light_on = audit_row("input_boolean.light", "on", 0)
    assert light_on.cause["kind"] == "automation"
    assert light_on.causation_seq == audit_row("input_boolean.motion", "on").seq
    # The user behind an event -> automation -> script chain, which the logbook cannot name.
    night = audit_row("input_boolean.night", "on")
    night_book = next(
        e for e in logbook if e["entity_id"] == "input_boolean.night" and e.get("state") == "on"
    )
    assert not night_book.get("context_user_id")
    assert night.cause["user_id"] == hass_admin_user.id
    # The stale context: the logbook blames the user; Audit Trail says it is not sure.
    stale = audit_row("input_boolean.light", "on", 1)
    assert stale.cause["confidence"] == "low"
    # The person's motion change: the light's row names the user and points at that row.
    by_user = audit_row("input_boolean.light", "on", 2)
    assert by_user.cause["kind"] == "automation"
    assert by_user.cause["user_id"] == hass_admin_user.id
    assert by_user.causation_seq == audit_row("input_boolean.motion", "on", 1).seq
    assert await hass.config_entries.async_unload(entry.entry_id)
