"""What the card and panel ask for, through a real connection: timeline, lists, admin commands."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from .helpers import flush


async def ask(client: Any, msg_id: int, **msg: Any) -> dict[str, Any]:
    """Send one command and return its answer."""
    await client.send_json({"id": msg_id, **msg})
    answer: dict[str, Any] = await client.receive_json()
    return answer


# Tomorrow (UTC) when the tests were collected: they move time forward only (tokens stay valid).
TOMORROW = (dt_util.utcnow() + timedelta(days=1)).date().isoformat()


def day(hour: str) -> str:
    """Return a time of tomorrow."""
    return f"{TOMORROW}T{hour}.000000+00:00"


async def busy_day(
    hass: HomeAssistant, entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Write a light that flips 300 times over five hours, and a sensor that changes twice."""
    freezer.move_to(day("08:00:00"))
    hass.states.async_set("sensor.temp", "20.0", {"unit_of_measurement": "°C"})
    for i in range(300):
        freezer.tick(60)
        hass.states.async_set("light.hall", "on" if i % 2 == 0 else "off")
        if i in (100, 200):
            hass.states.async_set("sensor.temp", f"2{i // 100}.5", {"unit_of_measurement": "°C"})
    await flush(hass, entry)


async def test_timeline_is_exact_when_few_and_buckets_when_many(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
) -> None:
    client = await hass_ws_client()  # first: its token would expire in the frozen future
    await busy_day(hass, loaded_entry, freezer)
    answer = await ask(
        client, 1, type="audit_trail/timeline", entity_id=["light.hall", "sensor.temp"],
        start=day("08:30:00"), end=day("13:30:00"),
        buckets=10, exact_limit=50,
    )  # fmt: skip
    assert answer["success"], answer
    result = answer["result"]
    light, temp = result["entities"]["light.hall"], result["entities"]["sensor.temp"]
    # The light changed 300 times from 08:01 to 13:00; 270 of them after 08:30: buckets.
    assert light["exact"] is False
    assert light["initial"]["state"] == "off"  # the 30th change (08:30) is in: at or before
    assert [b["count"] for b in light["buckets"]] == [30] * 9
    assert light["buckets"][0]["start"] == day("08:30:00")
    assert light["buckets"][0]["state"] == "off"
    assert light["buckets"][-1]["end"] == day("13:00:00")
    # The sensor changed twice in the window: exact rows, oldest first, without attributes.
    assert temp["exact"] is True
    assert temp["initial"]["state"] == "20.0"
    assert [e["new_state"] for e in temp["events"]] == ["21.5", "22.5"]
    assert "attributes" not in temp["events"][0]
    assert result["integrity"]["ok"] is True  # the check made at set-up
    assert result["integrity"]["verified_at"] is not None
    assert result["gaps"] == []


async def test_timeline_shows_the_gap_of_a_restart(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
    hass_admin_user: Any,
) -> None:
    from .conftest import make_entry

    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    freezer.move_to(day("08:00:00"))
    hass.states.async_set("light.hall", "on")
    await flush(hass, entry)
    assert await hass.config_entries.async_unload(entry.entry_id)
    freezer.move_to(day("09:00:00"))
    assert await hass.config_entries.async_setup(entry.entry_id)
    await flush(hass, entry)
    # A token made now (the fixture's expired in the frozen hours) on a connection opened now.
    refresh = await hass.auth.async_create_refresh_token(hass_admin_user, CLIENT_ID)
    client = await hass_ws_client(hass, hass.auth.async_create_access_token(refresh))
    answer = await ask(
        client, 1, type="audit_trail/timeline", entity_id=["light.hall"],
        start=day("07:00:00"), end=day("10:00:00"),
    )  # fmt: skip
    gaps = answer["result"]["gaps"]
    assert len(gaps) == 1
    assert gaps[0]["reason"] == "not_running"
    assert gaps[0]["start"].startswith(day("08:00")[:16])
    assert gaps[0]["end"].startswith(day("09:00")[:16])
    await hass.config_entries.async_unload(entry.entry_id)


async def test_the_list_pages_newest_first(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
) -> None:
    client = await hass_ws_client()  # first: its token would expire in the frozen future
    await busy_day(hass, loaded_entry, freezer)
    seen: list[int] = []
    cursor = None
    for msg_id in range(1, 10):
        extra = {"cursor": cursor} if cursor else {}
        page = await ask(
            client, msg_id, type="audit_trail/history", entity_id=["light.hall"],
            start=day("00:00:00"), order="desc", limit=128, **extra,
        )  # fmt: skip
        seen += [e["seq"] for e in page["result"]["events"]]
        cursor = page["result"]["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 300
    assert seen == sorted(seen, reverse=True)
    oldest = await ask(
        client, 20, type="audit_trail/history", entity_id=["light.hall"],
        start=day("00:00:00"), limit=1,
    )  # fmt: skip
    assert oldest["result"]["events"][0]["seq"] == seen[-1]  # asc stays the default


async def test_admin_commands_answer_admins_only(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    hass_admin_user: Any,
) -> None:
    hass.states.async_set("light.hall", "on")
    await flush(hass, loaded_entry)
    admin = await hass_ws_client()
    verify = await ask(admin, 1, type="audit_trail/verify")
    assert verify["result"]["ok"] is True
    assert verify["result"]["checked"] > 0
    everyone = await ask(admin, 2, type="audit_trail/activity", start="-1h")
    assert everyone["success"], everyone
    assert isinstance(everyone["result"]["actors"], list)
    diff = await ask(admin, 3, type="audit_trail/diff", start="-1h", end="-0s")
    assert diff["result"]["changes"]["light.hall"] == {
        "before": None, "after": "on", "transitions": 1,
    }  # fmt: skip
    reader = await hass_ws_client(hass, hass_read_only_access_token)
    for msg_id, question in enumerate(({}, {"start": "-1h"}), start=10):
        kind = "activity" if question else "verify"
        refused = await ask(reader, msg_id, type=f"audit_trail/{kind}", **question)
        assert not refused["success"]
        assert refused["error"]["code"] == "unauthorized"
    allowed = await ask(reader, 20, type="audit_trail/diff", start="-1h", end="-0s")
    assert allowed["success"]


async def test_activity_names_who_changed_what(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: Any,
) -> None:
    from homeassistant.core import Context

    hass.states.async_set("light.hall", "on", context=Context(user_id=hass_admin_user.id))
    hass.states.async_set("light.hall", "off", context=Context(user_id=hass_admin_user.id))
    hass.states.async_set("light.porch", "on", context=Context(user_id=hass_admin_user.id))
    await flush(hass, loaded_entry)
    client = await hass_ws_client()
    answer = await ask(client, 1, type="audit_trail/activity", start="-1h")
    first = answer["result"]["actors"][0]
    assert first["actor"] == hass_admin_user.id
    assert first["kind"] == "user"
    assert first["name"] == hass_admin_user.name
    assert first["by_entity"] == {"light.hall": 2, "light.porch": 1}
    one = await ask(client, 2, type="audit_trail/activity", start="-1h", actor=hass_admin_user.id)
    assert one["result"]["total"] == 3


async def test_a_lane_begins_where_the_log_began_recording_it(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
    hass_admin_user: Any,
) -> None:
    from .conftest import make_entry

    freezer.move_to(day("08:00:00"))
    hass.states.async_set("light.hall", "on")  # there before Audit Trail's first start
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await flush(hass, entry)
    freezer.tick(5)
    refresh = await hass.auth.async_create_refresh_token(hass_admin_user, CLIENT_ID)
    client = await hass_ws_client(hass, hass.auth.async_create_access_token(refresh))
    answer = await ask(
        client, 1, type="audit_trail/timeline", entity_id=["light.hall"],
        start=day("07:00:00"), end=day("09:00:00"),
    )  # fmt: skip
    result = answer["result"]
    lane = result["entities"]["light.hall"]
    assert lane["initial"] is None  # the log knows nothing of 07:00
    assert lane["events"] == []  # and nothing changed since it began
    assert lane["begins"]["event_type"] == "checkpoint"
    assert lane["begins"]["new_state"] == "on"
    assert lane["begins"]["cause"] == {"kind": "system", "confidence": "high", "reason": "initial"}
    assert result["log_start"].startswith(day("08:00")[:16])
    later = await ask(
        client, 2, type="audit_trail/timeline", entity_id=["light.hall"],
        start=day("08:30:00"), end=day("09:00:00"),
    )  # fmt: skip
    assert later["result"]["entities"]["light.hall"]["initial"]["state"] == "on"
    assert later["result"]["entities"]["light.hall"]["begins"] is None
    await hass.config_entries.async_unload(entry.entry_id)
