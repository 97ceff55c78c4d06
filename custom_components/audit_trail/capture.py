"""Home Assistant glue: @callback listeners turn bus events into records for the writer.

Everything here runs in the event loop and does no I/O: it reads the event, the registries and
the context memo, builds a frozen record and enqueues it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Mapping
from typing import Any

from homeassistant.const import (
    ATTR_ENTITY_ID,
    EVENT_CALL_SERVICE,
    EVENT_HOMEASSISTANT_STARTED,
    EVENT_HOMEASSISTANT_STOP,
    EVENT_STATE_CHANGED,
    MATCH_ALL,
)
from homeassistant.core import Context, Event, HomeAssistant, State, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
from homeassistant.util.event_type import EventType

from .causation import ChangeFacts, ContextMemo
from .const import DOMAIN
from .models import (
    ET_ANNOTATION,
    ET_ATTRIBUTES_CHANGED,
    ET_CHECKPOINT,
    ET_CORRECTION,
    ET_ENTITY_ADDED,
    ET_ENTITY_REMOVED,
    ET_GAP,
    ET_HA_STARTED,
    ET_HA_STOPPED,
    ET_LOADED,
    ET_STATE_CHANGED,
    ET_UNLOADED,
    KIND_ACTION,
    KIND_AUTOMATION,
    KIND_SCRIPT,
    KIND_SYSTEM,
    KIND_UNOBSERVED,
    KIND_USER,
    Cause,
    EntityMeta,
    Record,
    StoredRow,
)
from .policy import Policy
from .writer import Loss, Writer

_LOGGER = logging.getLogger(__name__)
# Fired by the automation and script integrations (string literals: importing those
# integrations here would load them).
EVENT_AUTOMATION_TRIGGERED = "automation_triggered"
EVENT_SCRIPT_STARTED = "script_started"
# How long an annotation waits for its row to be committed, to answer with its seq.
FLUSH_WAIT_S = 10.0


def _us(timestamp: float) -> int:
    return round(timestamp * 1_000_000)


def _target_entities(service_data: Any) -> list[str]:  # noqa: ANN401
    """Return the entity ids an action call names (areas and devices are not expanded)."""
    if not isinstance(service_data, Mapping):
        return []
    ids = service_data.get("entity_id")
    if isinstance(ids, str):
        return [i.strip() for i in ids.split(",")]
    if isinstance(ids, (list, tuple)):
        return [i for i in ids if isinstance(i, str)]
    return []


def _now_us() -> int:
    return _us(dt_util.utcnow().timestamp())


class Capture:
    """Listens to the bus and feeds the writer."""

    def __init__(
        self,
        hass: HomeAssistant,
        policy: Policy,
        writer: Writer,
        memo: ContextMemo,
        known: Mapping[str, StoredRow],
        on_overflow: Callable[[bool], None],
    ) -> None:
        self._hass = hass
        self._policy = policy
        self._writer = writer
        self._memo = memo
        # Last recorded state of each entity not yet seen since start: how restores are told
        # apart from changes that happened while nothing was watching.
        self._known: dict[str, str | None] = {k: r.new_state for k, r in known.items()}
        self._tracked: dict[str, bool] = {}
        self._refs = itertools.count(1)
        self._loss: Loss | None = None
        self._on_overflow = on_overflow
        self._unsubs: list[Callable[[], None]] = []
        self._handlers: dict[EventType[Any] | str, Callable[[Event[Any]], None]] = {}
        self._metas: dict[str, EntityMeta] = {}
        self._entities = er.async_get(hass)
        self._devices = dr.async_get(hass)

    # -- life cycle ------------------------------------------------------------------------
    @callback
    def async_start(self, last_row: StoredRow | None) -> None:
        """Record how we got here (gap, load, unobserved changes), then start listening."""
        now = _now_us()
        if last_row is not None:
            clean = last_row.event_type in (ET_HA_STOPPED, ET_UNLOADED)
            self._system(
                ET_GAP,
                now,
                reason="not_running" if clean else "unclean_shutdown",
                payload={"from_us": last_row.time_us, "to_us": now, "last_seq": last_row.seq},
            )
        self._system(ET_LOADED, now, reason="integration_loaded")
        self._record_present_states(now, first_run=last_row is None)
        self._handlers = {
            EVENT_STATE_CHANGED: self._async_state_changed,
            EVENT_AUTOMATION_TRIGGERED: self._async_run_started,
            EVENT_SCRIPT_STARTED: self._async_run_started,
            EVENT_CALL_SERVICE: self._async_call_service,
            EVENT_HOMEASSISTANT_STOP: self._async_system_event,
            er.EVENT_ENTITY_REGISTRY_UPDATED: self._async_registry_updated,
            dr.EVENT_DEVICE_REGISTRY_UPDATED: self._async_registry_updated,
        }
        if not self._hass.is_running:
            self._handlers[EVENT_HOMEASSISTANT_STARTED] = self._async_system_event
        # One listener for every event: the ones above are dispatched, and any other event a
        # user fired (from the UI, say) is remembered so automations it triggers name the user.
        self._unsubs = [self._hass.bus.async_listen(MATCH_ALL, self._async_event)]

    @callback
    def async_stop(self) -> None:
        """Stop listening and record the unload."""
        for unsub in self._unsubs:
            unsub()
        self._unsubs.clear()
        self._system(ET_UNLOADED, _now_us(), reason="integration_unloaded")

    @callback
    def _record_present_states(self, now: int, first_run: bool) -> None:
        """Compare the states present now with the last recorded ones."""
        for state in self._hass.states.async_all():
            if not self._is_tracked(state.entity_id):
                continue
            if first_run:
                self._entity_row(
                    ET_CHECKPOINT,
                    state,
                    None,
                    Cause(kind=KIND_SYSTEM, reason="initial"),
                    now,
                )
                continue
            if state.entity_id not in self._known:
                cause = Cause(kind=KIND_UNOBSERVED, reason="appeared_while_not_observed")
                self._entity_row(ET_ENTITY_ADDED, state, None, cause, now)
                continue
            previous = self._known.pop(state.entity_id)
            if previous != state.state:
                cause = Cause(kind=KIND_UNOBSERVED, reason="changed_while_not_observed")
                self._entity_row(ET_STATE_CHANGED, state, previous, cause, now)

    # -- listeners -------------------------------------------------------------------------
    @callback
    def _async_event(self, event: Event[Any]) -> None:
        handler = self._handlers.get(event.event_type)
        if handler is not None:
            handler(event)
        elif event.context.user_id is not None:
            ctx = event.context
            self._memo.note_event(ctx.id, ctx.user_id, ctx.parent_id, event.time_fired_timestamp)

    @callback
    def _async_system_event(self, event: Event) -> None:
        kind = ET_HA_STARTED if event.event_type == EVENT_HOMEASSISTANT_STARTED else ET_HA_STOPPED
        self._system(kind, _us(event.time_fired_timestamp), reason=kind, context=event.context)

    @callback
    def _async_run_started(self, event: Event) -> None:
        ctx = event.context
        kind = KIND_AUTOMATION if event.event_type == EVENT_AUTOMATION_TRIGGERED else KIND_SCRIPT
        data = event.data
        self._memo.note_run(
            kind, ctx.id, ctx.user_id, ctx.parent_id, data.get("entity_id"), data.get("name"),
            data.get("source"), event.time_fired_timestamp,
        )  # fmt: skip

    @callback
    def _async_call_service(self, event: Event) -> None:
        ctx = event.context
        data = event.data
        self._memo.note_service(
            ctx.id,
            ctx.user_id,
            ctx.parent_id,
            f"{data.get('domain')}.{data.get('service')}",
            _target_entities(data.get("service_data")),
            event.time_fired_timestamp,
        )

    @callback
    def _async_state_changed(self, event: Event[Any]) -> None:
        entity_id: str = event.data["entity_id"]
        if not self._is_tracked(entity_id):
            return
        old: State | None = event.data.get("old_state")
        new: State | None = event.data.get("new_state")
        ctx: Context = event.context
        origin = ctx.origin_event
        if origin is not None and origin is not event and self._memo.get(ctx.id) is None:
            # The context was started by an event we did not note (it fired before we listened,
            # or the memo forgot it): Home Assistant still holds that event, so note it now.
            handler = self._handlers.get(origin.event_type)
            if handler is not None and origin.event_type != EVENT_STATE_CHANGED:
                handler(origin)
        ref = next(self._refs)
        meta = self._meta(entity_id)
        members = None if new is None else new.attributes.get(ATTR_ENTITY_ID)
        cause, cause_ref = self._memo.resolve(
            ChangeFacts(
                entity_id,
                ref,
                event.time_fired_timestamp,
                ctx.id,
                ctx.user_id,
                ctx.parent_id,
                meta,
                members if isinstance(members, (list, tuple)) else None,
            )  # fmt: skip
        )
        old_state = None if old is None else old.state
        if old is None and entity_id in self._known:
            # Back after a restart: a restore, or a change nobody was watching.
            old_state = self._known.pop(entity_id)
            if new is not None and old_state != new.state:
                cause = Cause(kind=KIND_UNOBSERVED, reason="changed_while_not_observed",
                              context_id=ctx.id)  # fmt: skip
            event_type = ET_STATE_CHANGED
        elif old is None:
            event_type = ET_ENTITY_ADDED
        elif new is None:
            event_type = ET_ENTITY_REMOVED
        elif old.state != new.state:
            event_type = ET_STATE_CHANGED
        else:
            event_type = ET_ATTRIBUTES_CHANGED
        self._enqueue(
            Record(
                ref=ref,
                time_us=_us(event.time_fired_timestamp),
                event_type=event_type,
                cause=cause,
                entity_id=entity_id,
                meta=meta,
                old_state=old_state,
                new_state=None if new is None else new.state,
                old_attributes=None if old is None else old.attributes,
                new_attributes=None if new is None else new.attributes,
                last_changed_us=None if new is None else _us(new.last_changed_timestamp),
                last_updated_us=None if new is None else _us(new.last_updated_timestamp),
                context_id=ctx.id,
                context_user_id=ctx.user_id,
                context_parent_id=ctx.parent_id,
                causation_ref=cause_ref,
            )
        )

    async def async_annotate(
        self, entity_id: str, message: str, supersedes_seq: int | None, context: Context
    ) -> int | None:
        """Append a note (or a correction of an earlier row) and return its seq once written."""
        ref = next(self._refs)
        self._enqueue(
            Record(
                ref=ref,
                time_us=_now_us(),
                event_type=ET_ANNOTATION if supersedes_seq is None else ET_CORRECTION,
                cause=Cause(
                    kind=KIND_USER if context.user_id else KIND_ACTION,
                    user_id=context.user_id,
                    context_id=context.id,
                    service="audit_trail.annotate",
                ),  # fmt: skip
                entity_id=entity_id,
                context_id=context.id,
                context_user_id=context.user_id,
                context_parent_id=context.parent_id,
                causation_seq=supersedes_seq,
                payload={"message": message, "supersedes_seq": supersedes_seq},
            )
        )
        await self._hass.async_add_executor_job(self._writer.flush, FLUSH_WAIT_S)
        return self._writer.seq_of_ref(ref)

    # -- helpers ---------------------------------------------------------------------------
    def _is_tracked(self, entity_id: str) -> bool:
        tracked = self._tracked.get(entity_id)
        if tracked is None:
            # Audit Trail's own status entities are left out: recording them would feed back
            # (each row changes the rate, whose change is a row).
            entry = self._entities.async_get(entity_id)
            own = entry is not None and entry.platform == DOMAIN
            tracked = self._tracked[entity_id] = not own and self._policy.tracks(entity_id)
        return tracked

    def _meta(self, entity_id: str) -> EntityMeta:
        meta = self._metas.get(entity_id)
        if meta is None:
            meta = self._metas[entity_id] = self._lookup_meta(entity_id)
        return meta

    @callback
    def _async_registry_updated(self, _event: Event[Any]) -> None:
        """Forget cached registry facts (renames, new devices, areas moved)."""
        self._metas.clear()

    def _lookup_meta(self, entity_id: str) -> EntityMeta:
        entry = self._entities.async_get(entity_id)
        if entry is None:
            return EntityMeta()
        area_id = entry.area_id
        if area_id is None and entry.device_id is not None:
            device = self._devices.async_get(entry.device_id)
            area_id = None if device is None else device.area_id
        return EntityMeta(
            registry_id=entry.id,
            device_id=entry.device_id,
            area_id=area_id,
            platform=entry.platform,
        )

    def _entity_row(
        self, event_type: str, state: State, old_state: str | None, cause: Cause, now: int
    ) -> None:
        self._enqueue(
            Record(
                ref=next(self._refs),
                time_us=now,
                event_type=event_type,
                cause=cause,
                entity_id=state.entity_id,
                meta=self._meta(state.entity_id),
                old_state=old_state,
                new_state=state.state,
                new_attributes=state.attributes,
                last_changed_us=_us(state.last_changed_timestamp),
                last_updated_us=_us(state.last_updated_timestamp),
                context_id=state.context.id,
            )
        )

    def _system(
        self,
        event_type: str,
        time_us: int,
        reason: str,
        payload: dict[str, Any] | None = None,
        context: Context | None = None,
    ) -> None:
        self._enqueue(
            Record(
                ref=next(self._refs),
                time_us=time_us,
                event_type=event_type,
                cause=Cause(
                    kind=KIND_SYSTEM,
                    reason=reason,
                    user_id=None if context is None else context.user_id,
                ),
                context_id=None if context is None else context.id,
                payload=payload,
            )
        )

    def _enqueue(self, record: Record) -> None:
        """Hand a record to the writer; when full, count it so the loss itself is recorded."""
        if self._loss is not None and self._writer.enqueue(
            self._loss.as_record(next(self._refs), record.time_us)
        ):
            _LOGGER.warning("Audit Trail caught up; %s changes were lost", self._loss.count)
            self._loss = None
            self._on_overflow(False)  # noqa: FBT003
        if self._loss is None and self._writer.enqueue(record):
            return
        if self._loss is None:
            _LOGGER.error("Audit Trail's write queue is full; counting lost changes")
            self._loss = Loss(reason="queue_full")
            self._on_overflow(True)  # noqa: FBT003
        self._loss.add(record)
