"""Every action through a real config entry: answers, errors and permissions."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from homeassistant.auth.const import GROUP_ID_ADMIN
from homeassistant.auth.models import Group
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.audit_trail.const import DOMAIN

from .conftest import make_entry
from .helpers import flush


async def call(
    hass: HomeAssistant, service: str, data: dict[str, Any], user: MockUser | None = None
) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        service,
        data,
        blocking=True,
        return_response=True,
        context=Context(user_id=None if user is None else user.id),
    )


@pytest.fixture
async def timeline(hass: HomeAssistant, freezer: Any) -> MockConfigEntry:
    """Build a store: a light set in January and changed in March, a sensor changing often."""
    freezer.move_to("2026-01-05T10:00:00+00:00")
    entry = make_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    hass.states.async_set("light.hall", "on", {"brightness": 200})
    await flush(hass, entry)
    freezer.move_to("2026-03-10T08:00:00+00:00")
    hass.states.async_set("sensor.t", "1")
    await flush(hass, entry)
    freezer.move_to("2026-03-10T09:00:00+00:00")
    hass.states.async_set("light.hall", "off", {"brightness": 0})
    for i in range(2, 8):
        hass.states.async_set("sensor.t", str(i))
    await flush(hass, entry)
    freezer.move_to("2026-03-10T12:00:00+00:00")
    yield entry
    await hass.config_entries.async_unload(entry.entry_id)


async def test_state_at_gives_true_last_changed_and_cause(
    hass: HomeAssistant, timeline: MockConfigEntry
) -> None:
    answer = await call(
        hass,
        "state_at",
        {"entity_id": ["light.hall", "sensor.t"], "at": "2026-03-10T08:30:00+00:00"},
    )
    assert answer["at"] == "2026-03-10T08:30:00.000000+00:00"
    light = answer["states"]["light.hall"]
    assert light["state"] == "on"
    assert light["attributes"] == {"brightness": 200}
    assert light["last_changed"] == "2026-01-05T10:00:00.000000+00:00"  # months before `at`
    assert light["cause"]["kind"] == "device"
    assert answer["states"]["sensor.t"]["state"] == "1"
    # Not recorded at that time: null. Relative and naive times work too.
    early = await call(
        hass, "state_at", {"entity_id": ["sensor.t"], "at": "2026-03-09 23:00:00"}
    )  # US/Pacific: 07:00 UTC
    assert early["states"] == {"sensor.t": None}
    now = await call(
        hass, "state_at", {"entity_id": ["light.hall"], "at": "-1h", "attributes": False}
    )
    assert now["states"]["light.hall"] == {
        "state": "off",
        "last_changed": "2026-03-10T09:00:00.000000+00:00",
        "last_updated": "2026-03-10T09:00:00.000000+00:00",
        "seq": now["states"]["light.hall"]["seq"],
        "cause": now["states"]["light.hall"]["cause"],
    }
    everything = await call(hass, "state_at", {"at": "-1m"})
    assert set(everything["states"]) == {"light.hall", "sensor.t"}


async def test_state_at_from_a_checkpoint_names_the_original_row(
    hass: HomeAssistant, timeline: MockConfigEntry
) -> None:
    # The March partition starts with a checkpoint of the January light; the answer names the
    # January row and its cause, not the checkpoint.
    answer = await call(
        hass, "state_at", {"entity_id": ["light.hall"], "at": "2026-03-10T08:30:00+00:00"}
    )
    original = await hass.async_add_executor_job(
        timeline.runtime_data.store.row, answer["states"]["light.hall"]["seq"]
    )
    assert original.event_type == "entity_added"


async def test_history_pages_return_every_event_once(
    hass: HomeAssistant, timeline: MockConfigEntry
) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        data = {"entity_id": ["sensor.t"], "start": "2026-03-01T00:00:00Z", "limit": 3}
        if cursor:
            data["cursor"] = cursor
        answer = await call(hass, "history", data)
        seen += [e["seq"] for e in answer["events"]]
        cursor = answer["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 7
    assert seen == sorted(set(seen))
    one = (await call(hass, "history", {"entity_id": ["sensor.t"], "start": "-3h", "limit": 1}))[
        "events"
    ][0]
    assert set(one) == {
        "seq",
        "time",
        "event_type",
        "entity_id",
        "old_state",
        "new_state",
        "attributes",
        "cause",
        "causation_seq",
    }
    only_added = await call(
        hass,
        "history",
        {"entity_id": ["sensor.t"], "start": "-30d", "event_types": ["entity_added"]},
    )
    assert [e["new_state"] for e in only_added["events"]] == ["1"]


async def test_trace_diff_activity_verify(
    hass: HomeAssistant, timeline: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    trace = await call(hass, "trace", {"entity_id": "light.hall", "at": "-1m"})
    assert trace["chain"][0]["entity_id"] == "light.hall"
    assert trace["root"]["kind"] == "device"
    by_seq = await call(hass, "trace", {"seq": trace["chain"][0]["seq"]})
    assert by_seq == trace
    diff = await call(
        hass, "diff", {"start": "2026-03-10T08:30:00Z", "end": "2026-03-10T10:00:00Z"}
    )
    assert diff["changes"] == {
        "light.hall": {"before": "on", "after": "off", "transitions": 1},
        "sensor.t": {"before": "1", "after": "7", "transitions": 6},
    }
    await hass.services.async_call(
        "audit_trail", "annotate", {"entity_id": "light.hall", "message": "bulb replaced"},
        blocking=True, context=Context(user_id=hass_admin_user.id),
    )  # fmt: skip
    activity = await call(
        hass, "activity", {"actor": hass_admin_user.id, "start": "-1h"}, hass_admin_user
    )
    assert activity["total"] == 1
    assert activity["by_event_type"] == {"annotation": 1}
    assert activity["events"][0]["cause"]["user_name"] == hass_admin_user.name
    assert await call(hass, "verify", {}, hass_admin_user) == {
        "ok": True,
        "checked": activity["events"][0]["seq"],
        "first_bad_seq": None,
        "reason": None,
    }


async def test_annotate_and_correct(
    hass: HomeAssistant, timeline: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    note = await call(
        hass, "annotate", {"entity_id": "light.hall", "message": "checked"}, hass_admin_user
    )
    fix = await call(
        hass,
        "annotate",
        {"entity_id": "light.hall", "message": "wrong", "supersedes_seq": note["seq"]},
        hass_admin_user,
    )
    assert fix["seq"] == note["seq"] + 1
    row = await hass.async_add_executor_job(timeline.runtime_data.store.row, fix["seq"])
    assert (row.event_type, row.causation_seq, row.payload["message"]) == (
        "correction",
        note["seq"],
        "wrong",
    )
    with pytest.raises(ServiceValidationError) as err:
        await call(
            hass,
            "annotate",
            {"entity_id": "light.hall", "message": "x", "supersedes_seq": 9999},
            hass_admin_user,
        )
    assert err.value.translation_key == "no_row"


async def test_export_jsonl_and_csv(
    hass: HomeAssistant, timeline: MockConfigEntry, tmp_path: Path
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path / "allowed")}
    answer = await call(hass, "export", {"start": "2026-01-01T00:00:00Z"})
    path = Path(answer["path"])
    assert path.parent == Path(hass.config.path("audit_trail", "exports"))
    body = path.read_bytes()
    assert hashlib.sha256(body).hexdigest() == answer["sha256"]
    lines = [json.loads(line) for line in body.splitlines()]
    assert len(lines) == answer["rows"]
    assert any(e["entity_id"] == "light.hall" and e["new_state"] == "off" for e in lines)
    target = tmp_path / "allowed" / "out.csv"
    answer = await call(
        hass, "export", {"start": "2026-01-01T00:00:00Z", "format": "csv", "path": str(target)}
    )
    with target.open() as f:
        assert len(list(csv.DictReader(f))) == answer["rows"]
    for bad in (str(tmp_path / "elsewhere.csv"), str(tmp_path / "allowed" / ".." / "escape.csv")):
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, "export", {"start": "-1d", "path": bad})
        assert err.value.translation_key == "path_not_allowed"


@pytest.mark.parametrize(
    ("service", "data", "key"),
    [
        ("state_at", {"entity_id": ["light.nowhere"], "at": "-1h"}, "unknown_entity"),
        ("state_at", {"at": "yesterday-ish"}, "invalid_time"),
        ("history", {"entity_id": ["sensor.t"], "start": "-1h", "end": "-2h"}, "end_before_start"),
        ("history", {"entity_id": ["sensor.t"], "start": "-400d"}, "range_too_large"),
        ("history", {"entity_id": ["sensor.t"], "start": "-1h", "cursor": "abc"}, "invalid_cursor"),
        ("trace", {}, "trace_needs_target"),
        ("trace", {"seq": 99999}, "no_row"),
        ("trace", {"entity_id": "sensor.t", "at": "2026-03-10T07:00:00Z"}, "no_row"),
    ],
)
async def test_user_mistakes_get_translated_errors(
    hass: HomeAssistant, timeline: MockConfigEntry, service: str, data: dict[str, Any], key: str
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, service, data)
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key


async def test_not_loaded(hass: HomeAssistant, timeline: MockConfigEntry) -> None:
    assert await hass.config_entries.async_unload(timeline.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "state_at", {"at": "-1h"})
    assert err.value.translation_key == "not_loaded"


async def test_permissions(
    hass: HomeAssistant, timeline: MockConfigEntry, hass_read_only_user: MockUser
) -> None:
    for service, data in (
        ("verify", {}),
        ("export", {"start": "-1d"}),
        ("activity", {"actor": "x", "start": "-1d"}),
        ("annotate", {"entity_id": "light.hall", "message": "x"}),
    ):
        with pytest.raises(Unauthorized):
            await call(hass, service, data, hass_read_only_user)
    # A user who may read only the sensor sees only the sensor.
    group = Group(name="limited", policy={"entities": {"entity_ids": {"sensor.t": True}}})
    limited = MockUser(groups=[group]).add_to_hass(hass)
    answer = await call(hass, "state_at", {"at": "-1m"}, limited)
    assert set(answer["states"]) == {"sensor.t"}
    with pytest.raises(Unauthorized):
        await call(hass, "state_at", {"entity_id": ["light.hall"], "at": "-1m"}, limited)
    with pytest.raises(Unauthorized):
        await call(hass, "trace", {"entity_id": "light.hall", "at": "-1m"}, limited)


async def test_deleted_user_has_no_name(hass: HomeAssistant, timeline: MockConfigEntry) -> None:
    admins = await hass.auth.async_get_group(GROUP_ID_ADMIN)
    ghost = MockUser(groups=[admins]).add_to_hass(hass)
    await call(hass, "annotate", {"entity_id": "light.hall", "message": "hi"}, ghost)
    await hass.auth.async_remove_user(ghost)
    answer = await call(
        hass,
        "history",
        {"entity_id": ["light.hall"], "start": "-1h", "event_types": ["annotation"]},
    )
    assert answer["events"][0]["cause"]["user_id"] == ghost.id
    assert answer["events"][0]["cause"]["user_name"] is None


def test_time_fields_accept_what_their_help_promises() -> None:
    # Issue 9: a datetime picker cannot produce "-2h"; every time field is text with help.
    package = Path(__file__).parent.parent / "custom_components" / "audit_trail"
    actions = yaml.safe_load((package / "services.yaml").read_text())
    strings = json.loads((package / "strings.json").read_text())
    time_fields = [
        (action, name, field)
        for action, spec in actions.items()
        for name, field in spec.get("fields", {}).items()
        if name in ("at", "start", "end")
    ]
    assert len(time_fields) >= 10
    for action, name, field in time_fields:
        assert list(field["selector"]) == ["text"], (action, name)
        assert "-" in strings["services"][action]["fields"][name]["description"]
    labels = strings["selector"]["event_types"]["options"]
    assert labels["ha_started"] == "Home Assistant started"
    assert labels["ha_stopped"] == "Home Assistant stopped"


async def test_relative_and_absolute_times_both_answer(
    hass: HomeAssistant, timeline: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    relative = await call(hass, "state_at", {"entity_id": "light.hall", "at": "-1h"})
    absolute = await call(
        hass, "state_at", {"entity_id": "light.hall", "at": "2026-03-10T11:00:00+00:00"}
    )
    assert relative["states"] == absolute["states"]
    assert relative["states"]["light.hall"]["state"] == "off"
