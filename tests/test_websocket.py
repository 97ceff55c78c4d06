"""Websocket commands through a real connection: answers, errors, and the live subscription."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.audit_trail import websocket_api as ws_module
from custom_components.audit_trail import writer as writer_module
from custom_components.audit_trail.const import SIGNAL_COMMITTED

from .helpers import flush, writer_held


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


async def test_subscription_of_entities_streams_the_gaps_too(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A card follows some entities; a gap (here a full queue) is every lane's, and is streamed.

    Without it a live card drew the last state on across changes it was never told of.
    """
    monkeypatch.setattr(writer_module, "QUEUE_MAX", 5)
    await hass.config_entries.async_reload(loaded_entry.entry_id)
    await hass.async_block_till_done()
    hass.states.async_set("sensor.b", "start")
    await flush(hass, loaded_entry)
    client = await hass_ws_client()
    await client.send_json({"id": 3, "type": "audit_trail/subscribe", "entity_id": ["sensor.b"]})
    assert (await client.receive_json())["success"]
    async with writer_held(hass, loaded_entry) as writing:
        hass.states.async_set("sensor.b", "0")
        await writing()
        for i in range(1, 30):
            hass.states.async_set("sensor.b", str(i))
        await hass.async_block_till_done()
    hass.states.async_set("sensor.b", "end")
    await flush(hass, loaded_entry)
    received: list[dict[str, Any]] = []
    while not any(e.get("new_state") == "end" for e in received):
        message = await asyncio.wait_for(client.receive_json(), 10)
        received.extend(message["event"]["events"])
    gaps = [e for e in received if e["event_type"] == "gap"]
    # The reload's own gap (backfilled: the subscription starts at seq 0), then the full queue's.
    assert [g["cause"]["reason"] for g in gaps] == ["not_running", "queue_full"], gaps
    lost = gaps[1]["payload"]["lost"]
    shown = [e["new_state"] for e in received if e["entity_id"] == "sensor.b"]
    assert shown[0] == "start"
    assert lost + len(shown) == 32
    seqs = [e["seq"] for e in received]
    assert seqs == sorted(set(seqs))  # in order, none twice
    assert {e["entity_id"] for e in received} == {"sensor.b", None}


async def test_backfill_sends_a_gap_newer_than_the_entity_rows_at_once(
    hass: HomeAssistant, loaded_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """A card reconnecting after a restart gets the restart's gap in its backfill.

    The gap is newer than the quiet entity's last row and nothing commits afterwards: the
    backfill must not wait for a commit to send it.
    """
    hass.states.async_set("sensor.quiet", "1")
    await flush(hass, loaded_entry)
    await hass.config_entries.async_reload(loaded_entry.entry_id)  # writes a not_running gap
    await hass.async_block_till_done()
    await flush(hass, loaded_entry)
    client = await hass_ws_client()
    await client.send_json(
        {"id": 4, "type": "audit_trail/subscribe", "entity_id": ["sensor.quiet"]}
    )
    assert (await client.receive_json())["success"]
    first = await asyncio.wait_for(client.receive_json(), 10)
    kinds = [(e["event_type"], e["entity_id"]) for e in first["event"]["events"]]
    assert kinds == [("entity_added", "sensor.quiet"), ("gap", None)], kinds
