"""Actions (services) with response data: schemas and thin handlers over the store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, cast

import voluptuous as vol
from homeassistant.auth.models import User
from homeassistant.auth.permissions.const import POLICY_READ
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    Context,
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError, Unauthorized
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util

from .const import DOMAIN, END_OF_TIME_US, INSTANCE_PATTERN
from .export import async_export
from .models import ET_CHECKPOINT, EVENT_TYPES, StoredRow
from .query import TimeParseError, iso, parse_time, to_us
from .serialize import UserNames, event_out, state_out, trace_out
from .store.base import StoreUnavailableError

if TYPE_CHECKING:
    from . import AuditTrailConfigEntry

DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000  # one response stays a few MB at most; page with the cursor for more
MAX_RANGE = timedelta(days=366)  # a year per question; longer spans are an export's job
MAX_DIFF_ROWS = (
    200_000  # rows a diff or activity summary reads before it says the range is too large
)

_TIME = vol.Any(cv.datetime, cv.string)
_ENTITIES = cv.entity_ids

STATE_AT_SCHEMA = vol.Schema(
    {
        vol.Optional("instance"): cv.string,
        vol.Optional("entity_id"): _ENTITIES,
        vol.Required("at"): _TIME,
        vol.Optional("attributes", default=True): cv.boolean,
    }
)
HISTORY_SCHEMA = vol.Schema(
    {
        vol.Optional("instance"): cv.string,
        vol.Required("entity_id"): _ENTITIES,
        vol.Required("start"): _TIME,
        vol.Optional("end"): _TIME,
        vol.Optional("event_types"): vol.All(cv.ensure_list, [vol.In(EVENT_TYPES)]),
        vol.Optional("limit", default=DEFAULT_LIMIT): vol.All(
            vol.Coerce(int), vol.Range(min=1, max=MAX_LIMIT)
        ),
        vol.Optional("cursor"): cv.string,
    }
)
TRACE_SCHEMA = vol.Schema(
    {
        vol.Optional("instance"): cv.string,
        vol.Optional("seq"): vol.All(vol.Coerce(int), vol.Range(min=1)),
        vol.Optional("entity_id"): cv.entity_id,
        vol.Optional("at"): _TIME,
    }
)
DIFF_SCHEMA = vol.Schema(
    {
        vol.Required("start"): _TIME,
        vol.Required("end"): _TIME,
        vol.Optional("entity_id"): _ENTITIES,
        vol.Optional("instance"): cv.string,
    }
)
ACTIVITY_SCHEMA = vol.Schema(
    {
        vol.Required("actor"): cv.string,
        vol.Required("start"): _TIME,
        vol.Optional("end"): _TIME,
        vol.Optional("instance"): cv.string,
    }
)
VERIFY_SCHEMA = vol.Schema({vol.Optional("from_seq"): vol.All(vol.Coerce(int), vol.Range(min=1))})
ANNOTATE_SCHEMA = vol.Schema(
    {
        vol.Required("entity_id"): cv.entity_id,
        vol.Required("message"): vol.All(cv.string, vol.Length(min=1, max=4000)),
        vol.Optional("supersedes_seq"): vol.All(vol.Coerce(int), vol.Range(min=1)),
    }
)
EXPORT_SCHEMA = vol.Schema(
    {
        vol.Required("start"): _TIME,
        vol.Optional("end"): _TIME,
        vol.Optional("format", default="jsonl"): vol.In(["jsonl", "csv"]),
        vol.Optional("path"): cv.string,
    }
)


def invalid(key: str, **placeholders: Any) -> ServiceValidationError:  # noqa: ANN401
    """Return a translated validation error."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders={k: str(v) for k, v in placeholders.items()},
    )


class Request:
    """What every handler needs: the loaded entry, the caller, times and names."""

    def __init__(self, hass: HomeAssistant, data: Mapping[str, Any], context: Context) -> None:
        self.hass = hass
        self.data = data
        self.context = context
        entries = [
            e
            for e in hass.config_entries.async_entries(DOMAIN)
            if e.state is ConfigEntryState.LOADED
        ]
        if not entries:
            raise invalid("not_loaded")
        self.entry: AuditTrailConfigEntry = entries[0]
        self.store = self.entry.runtime_data.store
        self.user: User | None = None
        self.names: dict[str, str | None] = {}
        self.now = dt_util.utcnow()

    async def async_prepare(self, admin: bool = False) -> Request:
        """Load the calling user and the user names; enforce admin where asked."""
        if self.context.user_id is not None:
            self.user = await self.hass.auth.async_get_user(self.context.user_id)
            if self.user is None or (admin and not self.user.is_admin):
                raise Unauthorized(context=self.context)
        self.names = {u.id: u.name for u in await self.hass.auth.async_get_users()}
        if self.data.get("instance") is not None:
            await self._async_other_instance(str(self.data["instance"]))
        return self

    async def _async_other_instance(self, instance: str) -> None:
        """Answer from another Home Assistant's rows in the shared database (admins only)."""
        if self.user is not None and not self.user.is_admin:
            raise Unauthorized(context=self.context)
        if not INSTANCE_PATTERN.fullmatch(instance):
            raise invalid("invalid_instance", instance=instance)
        view = getattr(self.store, "view", None)
        if view is None:
            raise invalid("instances_need_postgresql")
        self.store = await self.job(view, instance)

    @property
    def user_names(self) -> UserNames:
        """Return a resolver from user id to the name the user has now."""
        return self.names.get

    def entity_name(self, entity_id: str) -> str | None:
        """Return an entity's name as Home Assistant shows it now (None once it is gone)."""
        state = self.hass.states.get(entity_id)
        return None if state is None else state.name

    def time(self, field: str, default: datetime | None = None) -> datetime:
        """Parse a time field of the call."""
        value = self.data.get(field)
        if value is None:
            if default is None:
                raise invalid("invalid_time", field=field, value="")
            return default
        try:
            return parse_time(value, self.now, dt_util.get_default_time_zone())
        except TimeParseError as err:
            raise invalid("invalid_time", field=field, value=value) from err

    def span(self, start_field: str = "start", end_field: str = "end") -> tuple[int, int]:
        """Parse a start and end, check their order and the range limit."""
        start, end = self.time(start_field), self.time(end_field, self.now)
        if end < start:
            raise invalid("end_before_start", start=start.isoformat(), end=end.isoformat())
        if end - start > MAX_RANGE:
            raise invalid("range_too_large", days=MAX_RANGE.days)
        return to_us(start), to_us(end)

    def may_read(self, entity_id: str | None) -> bool:
        """Return whether the caller may read an entity (system rows are readable)."""
        if self.user is None or self.user.is_admin or entity_id is None:
            return True
        return bool(self.user.permissions.check_entity(entity_id, POLICY_READ))

    async def async_entities(self) -> list[str] | None:
        """Return the requested entities after checking they exist and may be read."""
        requested: str | list[str] | None = self.data.get("entity_id")
        if requested is None:
            return None
        ids = [requested] if isinstance(requested, str) else requested
        absent = [e for e in ids if self.hass.states.get(e) is None]
        known = await self.job(self.store.known, absent) if absent else set()
        for entity_id in ids:
            if entity_id in absent and entity_id not in known:
                raise invalid("unknown_entity", entity_id=entity_id)
            if not self.may_read(entity_id):
                raise Unauthorized(context=self.context, entity_id=entity_id)
        return ids

    async def job[T](self, func: Callable[..., T], *args: Any) -> T:  # noqa: ANN401
        """Run a store read in the executor (a PostgreSQL server that is away is said so)."""
        try:
            return await self.hass.async_add_executor_job(func, *args)
        except StoreUnavailableError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="store_unreachable",
                translation_placeholders={"error": str(err)},
            ) from err


async def state_of(req: Request, row: StoredRow | None, attributes: bool) -> dict[str, Any] | None:
    """Return an entity's state from its row at a time; a checkpoint names the row it repeats."""
    if row is None:
        return None
    origin = None
    if row.event_type == ET_CHECKPOINT and row.causation_seq is not None:
        origin = await req.job(req.store.row, row.causation_seq)
    return state_out(row, origin, req.user_names, attributes)


async def answer_state_at(req: Request) -> dict[str, Any]:
    """Answer the state of entities at a time."""
    ids = await req.async_entities()
    at = req.time("at")
    found = await req.job(req.store.state_at, ids, to_us(at))
    attributes = bool(req.data.get("attributes", True))
    states: dict[str, Any] = {}
    for entity_id in ids if ids is not None else sorted(found):
        row = found.get(entity_id)
        if not req.may_read(entity_id):
            continue
        states[entity_id] = await state_of(req, row, attributes=attributes)
    if ids is None:
        states = {k: v for k, v in states.items() if v is not None}
    return {"at": iso(to_us(at)), "states": states}


async def answer_history(req: Request) -> dict[str, Any]:
    """Answer one page of the changes of entities in a range."""
    ids = await req.async_entities()
    start, end = req.span()
    limit = int(req.data.get("limit", DEFAULT_LIMIT))
    cursor = req.data.get("cursor")
    try:
        at = int(cursor) if cursor else None
    except ValueError as err:
        raise invalid("invalid_cursor", cursor=cursor) from err
    newest_first = req.data.get("order") == "desc"  # (the websocket command's; the card's list)
    after, before = (0, at or END_OF_TIME_US) if newest_first else (at or 0, None)
    found = await req.job(
        req.store.history, ids, start, end, req.data.get("event_types"), after, limit, None, before
    )
    events = [event_out(r, req.user_names, attributes=True) for r in found]
    return {"events": events, "next_cursor": str(found[-1].seq) if len(found) == limit else None}


async def answer_trace(req: Request) -> dict[str, Any]:
    """Answer a row and its chain of causes."""
    seq = req.data.get("seq")
    if seq is None:
        entity_id, at = req.data.get("entity_id"), req.data.get("at")
        if entity_id is None or at is None:
            raise invalid("trace_needs_target")
        await req.async_entities()
        found = await req.job(req.store.state_at, [entity_id], to_us(req.time("at")))
        if entity_id not in found:
            raise invalid("no_row", target=f"{entity_id} at {at}")
        seq = found[entity_id].seq
    chain = await req.job(req.store.chain, int(seq))
    if not chain:
        raise invalid("no_row", target=f"seq {seq}")
    if not all(req.may_read(r.entity_id) for r in chain):
        raise Unauthorized(context=req.context)
    return trace_out(chain, req.user_names, req.entity_name)


async def answer_diff(req: Request) -> dict[str, Any]:
    """Answer what changed between two instants, and how often."""
    ids = await req.async_entities()
    start, end = req.span()
    rows = await req.job(req.store.history, ids, start + 1, end, None, 0, MAX_DIFF_ROWS + 1)
    if len(rows) > MAX_DIFF_ROWS:
        raise invalid("range_too_large", days=MAX_RANGE.days)
    counts: dict[str, int] = {}
    for row in rows:
        if row.entity_id is not None and row.event_type != "attributes_changed":
            counts[row.entity_id] = counts.get(row.entity_id, 0) + 1
    changed = sorted(e for e in counts if req.may_read(e))
    before = await req.job(req.store.state_at, changed, start)
    after = await req.job(req.store.state_at, changed, end)

    def value(found: dict[str, StoredRow], entity_id: str) -> str | None:
        row = found.get(entity_id)
        return None if row is None else row.new_state

    changes = {
        e: {"before": value(before, e), "after": value(after, e), "transitions": counts[e]}
        for e in changed
    }
    return {
        "changes": {
            e: c for e, c in changes.items() if c["before"] != c["after"] or c["transitions"]
        }
    }


async def answer_activity(req: Request) -> dict[str, Any]:
    """Answer what one actor (a user, an automation, a script) did in a range."""
    actor = str(req.data["actor"])
    start, end = req.span()
    rows = await req.job(req.store.history, None, start, end, None, 0, MAX_DIFF_ROWS + 1, actor)
    if len(rows) > MAX_DIFF_ROWS:
        raise invalid("range_too_large", days=MAX_RANGE.days)
    by_entity: dict[str, int] = {}
    by_type: dict[str, int] = {}
    for row in rows:
        if row.entity_id is not None:
            by_entity[row.entity_id] = by_entity.get(row.entity_id, 0) + 1
        by_type[row.event_type] = by_type.get(row.event_type, 0) + 1
    return {
        "actor": actor,
        "total": len(rows),
        "by_entity": by_entity,
        "by_event_type": by_type,
        "events": [event_out(r, req.user_names, attributes=False) for r in rows[-DEFAULT_LIMIT:]],
    }


async def answer_verify(req: Request) -> dict[str, Any]:
    """Answer a walk of the hash chain."""
    result = await req.job(req.store.verify, req.data.get("from_seq"))
    return {
        "ok": result.ok,
        "checked": result.checked,
        "first_bad_seq": result.first_bad_seq,
        "reason": result.reason,
    }


async def _annotate(req: Request) -> dict[str, Any]:
    data = req.data
    supersedes = data.get("supersedes_seq")
    if supersedes is not None and await req.job(req.store.row, supersedes) is None:
        raise invalid("no_row", target=f"seq {supersedes}")
    seq = await req.entry.runtime_data.capture.async_annotate(
        data["entity_id"], data["message"], supersedes, req.context
    )
    return {"seq": seq}


async def _export(req: Request) -> dict[str, Any]:
    start, end = req.span()
    return await async_export(
        req.hass, req.store, start, end, req.data["format"], req.data.get("path"),
        req.user_names,
    )  # fmt: skip


# name: (handler, schema, admin only, response support)
_ACTIONS: dict[
    str, tuple[Callable[[Request], Awaitable[dict[str, Any]]], vol.Schema, bool, SupportsResponse]
] = {
    "state_at": (answer_state_at, STATE_AT_SCHEMA, False, SupportsResponse.ONLY),
    "history": (answer_history, HISTORY_SCHEMA, False, SupportsResponse.ONLY),
    "trace": (answer_trace, TRACE_SCHEMA, False, SupportsResponse.ONLY),
    "diff": (answer_diff, DIFF_SCHEMA, False, SupportsResponse.ONLY),
    "activity": (answer_activity, ACTIVITY_SCHEMA, True, SupportsResponse.ONLY),
    "verify": (answer_verify, VERIFY_SCHEMA, True, SupportsResponse.ONLY),
    "annotate": (_annotate, ANNOTATE_SCHEMA, True, SupportsResponse.OPTIONAL),
    "export": (_export, EXPORT_SCHEMA, True, SupportsResponse.ONLY),
}


async def _handle(
    hass: HomeAssistant,
    handler: Callable[[Request], Awaitable[dict[str, Any]]],
    admin: bool,
    call: ServiceCall,
) -> ServiceResponse:
    """Check the entry and the caller, then delegate."""
    return cast(
        "ServiceResponse",
        await handler(await Request(hass, call.data, call.context).async_prepare(admin=admin)),
    )


def async_setup_services(hass: HomeAssistant) -> None:
    """Register every action once, for the lifetime of Home Assistant."""
    for name, (handler, schema, admin, response) in _ACTIONS.items():
        hass.services.async_register(
            DOMAIN, name, partial(_handle, hass, handler, admin), schema=schema,
            supports_response=response,
        )  # fmt: skip
