"""Several Home Assistants in one PostgreSQL database: each reads its own rows.

An admin may ask about another instance with the `instance` field of a question.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN, TITLE
from custom_components.audit_trail.models import ET_STATE_CHANGED, KIND_DEVICE, Cause, Record
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.postgres import PostgresStore

from .helpers import flush
from .pg import Place, fresh_schema


@pytest.fixture
def place() -> Iterator[Place]:
    with fresh_schema() as found:
        yield found


def other_home(place: Place, at_us: int) -> None:
    """Write another Home Assistant's rows (instance "cottage") into the same database."""
    store = PostgresStore(place.writer_url, "cottage", owner_url=place.owner_url)
    store.open()
    record = Record(
        ref=1, time_us=at_us, event_type=ET_STATE_CHANGED, cause=Cause(kind=KIND_DEVICE),
        entity_id="light.cottage", new_state="on", last_changed_us=at_us,
    )  # fmt: skip
    store.append([record], Policy())
    store.close()


async def test_an_admin_asks_another_instance_others_may_not(
    hass: HomeAssistant,
    place: Place,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    hass_read_only_user: Any,
) -> None:
    data = {"backend": "postgresql", "url": place.writer_url, "owner_url": place.owner_url}
    entry = MockConfigEntry(
        domain=DOMAIN, title=TITLE, data={**data, "instance": "home"}, options=dict(DEFAULT_OPTIONS)
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    hass.states.async_set("light.home", "on")
    await flush(hass, entry)
    now_us = int(dt_util.utcnow().timestamp() * 1_000_000)
    await hass.async_add_executor_job(other_home, place, now_us - 60_000_000)

    async def ask(**data: Any) -> Any:
        return await hass.services.async_call(
            DOMAIN, "history", {"start": "-1h", **data}, blocking=True, return_response=True
        )

    own = await ask(entity_id=["light.home"])
    assert [e["new_state"] for e in own["events"]] == ["on"]
    with pytest.raises(ServiceValidationError) as unknown:
        await ask(entity_id=["light.cottage"])  # another instance's entity is not ours
    assert unknown.value.translation_key == "unknown_entity"
    theirs = await ask(entity_id=["light.cottage"], instance="cottage")
    assert [(e["entity_id"], e["new_state"]) for e in theirs["events"]] == [("light.cottage", "on")]
    at = await hass.services.async_call(
        DOMAIN, "state_at", {"at": "-0s", "instance": "cottage"},
        blocking=True, return_response=True,
    )  # fmt: skip
    assert set(at["states"]) == {"light.cottage"}
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN, "history", {"start": "-1h", "entity_id": "light.x", "instance": "cottage"},
            blocking=True, return_response=True, context=Context(user_id=hass_read_only_user.id),
        )  # fmt: skip
    reader = await hass_ws_client(hass, hass_read_only_access_token)
    await reader.send_json(
        {"id": 1, "type": "audit_trail/state_at", "at": "-0s", "instance": "cottage"}
    )
    refused = await reader.receive_json()
    assert refused["error"]["code"] == "unauthorized"
    with pytest.raises(ServiceValidationError) as bad:
        await ask(entity_id=["light.home"], instance="no such; drop")
    assert bad.value.translation_key == "invalid_instance"
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_instance_needs_postgresql(
    hass: HomeAssistant, loaded_entry: MockConfigEntry
) -> None:
    hass.states.async_set("light.home", "on")
    await flush(hass, loaded_entry)
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "history", {"start": "-1h", "entity_id": ["light.home"], "instance": "x"},
            blocking=True, return_response=True,
        )  # fmt: skip
    assert err.value.translation_key == "instances_need_postgresql"
