"""Websocket commands through a real connection: answers, errors, and the live subscription."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.audit_trail import websocket_api as ws_module
from custom_components.audit_trail.const import SIGNAL_COMMITTED

from .helpers import flush


def dispatcher_count(hass: HomeAssistant) -> int:
    """Return how many listeners wait for commits (probing with a listener of our own)."""
    unsub = async_dispatcher_connect(hass, SIGNAL_COMMITTED, lambda *_: None)
    signals = hass.data["dispatcher"]
    count = len(signals[SIGNAL_COMMITTED]) - 1
    unsub()
    return count


async def test_questions_answer_like_the_actions(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    hass.states.async_set("light.a", "on")
    await flush(hass, loaded_entry)
    client = await hass_ws_client()
    await client.send_json(
        {"id": 1, "type": "audit_trail/state_at", "entity_id": ["light.a"], "at": "-0s"}
    )
    answer = await client.receive_json()
    assert answer["success"], answer
    service = await hass.services.async_call(
        "audit_trail", "state_at", {"entity_id": ["light.a"], "at": answer["result"]["at"]},
        blocking=True, return_response=True,
    )  # fmt: skip
    assert answer["result"]["states"]["light.a"]["state"] == "on"
    assert answer["result"]["states"] == service["states"]
    await client.send_json(
        {"id": 2, "type": "audit_trail/history", "entity_id": ["light.a"], "start": "-1h"}
    )
    history = await client.receive_json()
    assert [e["new_state"] for e in history["result"]["events"]] == ["on"]
    seq = history["result"]["events"][0]["seq"]
    await client.send_json({"id": 3, "type": "audit_trail/trace", "seq": seq})
    trace = await client.receive_json()
    assert trace["result"]["chain"][0]["seq"] == seq
    await client.send_json({"id": 4, "type": "audit_trail/state_at", "at": "whenever"})
    bad = await client.receive_json()
    assert not bad["success"]
    assert bad["error"]["translation_key"] == "invalid_time"


async def test_subscription_backfills_then_streams_without_gaps_or_duplicates(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    for i in range(5):
        hass.states.async_set("sensor.s", str(i))
    hass.states.async_set("sensor.other", "x")
    await flush(hass, loaded_entry)
    baseline = dispatcher_count(hass)
    client = await hass_ws_client()
    await client.send_json({"id": 7, "type": "audit_trail/subscribe", "entity_id": ["sensor.s"]})
    assert (await client.receive_json())["success"]
    assert dispatcher_count(hass) == baseline + 1
    received: list[dict[str, Any]] = []

    async def collect(n: int) -> None:
        while len(received) < n:
            message = await client.receive_json()
            assert message["id"] == 7
            received.extend(message["event"]["events"])

    await collect(5)
    for i in range(5, 12):
        hass.states.async_set("sensor.s", str(i))
        hass.states.async_set("sensor.other", str(i))
        if i % 3 == 0:
            await flush(hass, loaded_entry)
    await flush(hass, loaded_entry)
    await collect(12)
    assert [e["new_state"] for e in received] == [str(i) for i in range(12)]
    seqs = [e["seq"] for e in received]
    assert seqs == sorted(set(seqs))
    await client.send_json({"id": 8, "type": "unsubscribe_events", "subscription": 7})
    assert (await client.receive_json())["success"]
    await hass.async_block_till_done()
    assert dispatcher_count(hass) == baseline


async def test_subscription_from_a_seq_and_drop_when_behind(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    monkeypatch: Any,
) -> None:
    for i in range(10):
        hass.states.async_set("sensor.s", str(i))
    await flush(hass, loaded_entry)
    last = loaded_entry.runtime_data.store.last_seq
    client = await hass_ws_client()
    await client.send_json({"id": 1, "type": "audit_trail/subscribe", "after_seq": last - 2})
    assert (await client.receive_json())["success"]
    first = await client.receive_json()
    assert [e["seq"] for e in first["event"]["events"]] == [last - 1, last]
    monkeypatch.setattr(ws_module, "MAX_BEHIND", 3)
    baseline = dispatcher_count(hass)
    await client.send_json({"id": 2, "type": "audit_trail/subscribe", "after_seq": 0})
    messages = [await client.receive_json() for _ in range(2)]
    assert [m["type"] for m in messages] == ["result", "event"], messages
    assert messages[0]["success"]
    assert messages[1]["event"] == {"dropped": "too_far_behind", "last_seq": 0}
    await hass.async_block_till_done()
    assert dispatcher_count(hass) == baseline  # the dropped subscription let go of its listener


async def test_subscribe_checks_permissions(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    hass.states.async_set("light.a", "on")
    await flush(hass, loaded_entry)
    client = await hass_ws_client(hass, hass_read_only_access_token)
    await client.send_json(
        {"id": 1, "type": "audit_trail/subscribe", "entity_id": ["light.unknown"]}
    )
    answer = await client.receive_json()
    assert not answer["success"]
    assert answer["error"]["translation_key"] == "unknown_entity"
