"""Pure: resolve why a state changed from context ids and a bounded memo of what ran in them.

Home Assistant passes a `Context` (id, user_id, parent_id) along everything one action causes:
a user's call keeps the user's context, an automation run gets a new context whose parent is
the triggering event's context, and a template or group entity takes the context of the state
change it follows. The memo remembers, per context id, what started it (automation, script,
action call, or the first state change made in it) so a cause can be named at capture time,
many hops deep, with the user carried down the chain.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .models import (
    KIND_ACTION,
    KIND_AUTOMATION,
    KIND_DEVICE,
    KIND_ENTITY,
    KIND_SCRIPT,
    KIND_UNKNOWN,
    KIND_USER,
    LOW,
    Cause,
    EntityMeta,
)

# How many parents the user search follows: real chains are a few hops; a bound stops cycles.
MAX_PARENT_HOPS = 16
ORIGIN_STATE = "state"


@dataclass(slots=True)
class MemoEntry:
    """What started one context, and what has been recorded in it."""

    kind: str
    parent_id: str | None
    user_id: str | None
    first_time: float
    entity_id: str | None = None
    name: str | None = None
    trigger: str | None = None
    trigger_entity_id: str | None = None
    service: str | None = None
    via: str | None = None
    # Entity ids the action calls in this context named, and the last of them that changed:
    # a non-target entity changing after it (a template, a group) follows that entity.
    targets: frozenset[str] = frozenset()
    last_target: tuple[str, int] | None = None
    # For an origin state change: its own record ref and cause; otherwise the ref its parent
    # chain leads to (the recorded row that set this context going).
    ref: int | None = None
    cause_ref: int | None = None
    cause: Cause | None = None
    # Other entities changed in this context, and when first (made only when one appears).
    entities: dict[str, float] | None = None
    # The newest recorded row of each entity changed in this context: a run this context
    # triggers points at the row of its trigger entity (made only when a row is recorded).
    refs: dict[str, int] | None = None
    last_ref: int | None = None
    # The automation and script runs this run was started by, outermost first, itself last,
    # each with its trigger (none for a script).
    runs: tuple[tuple[str, str | None], ...] = ()


@dataclass(slots=True)  # not frozen: built per state change in the loop (see models.Cause)
class ChangeFacts:
    """What capture knows about one state change when it happens."""

    entity_id: str
    ref: int
    time: float
    context_id: str
    user_id: str | None
    parent_id: str | None
    meta: EntityMeta
    # The entities a group-like state names as its members (its `entity_id` attribute).
    members: Sequence[str] | None = None


def _runs_out(runs: tuple[tuple[str, str | None], ...]) -> list[dict[str, str]] | None:
    """Return the runs on the way as a cause keeps them (only when a run started another)."""
    if len(runs) < 2:  # noqa: PLR2004 - one run is the cause itself
        return None
    return [{"entity_id": e} if t is None else {"entity_id": e, "trigger": t} for e, t in runs]


class ContextMemo:
    """A bounded, insertion-ordered memo of contexts (oldest forgotten first)."""

    def __init__(self, max_size: int, stale_after: float) -> None:
        self._entries: OrderedDict[str, MemoEntry] = OrderedDict()
        self._max = max_size
        self._stale_after = stale_after

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, context_id: str | None) -> MemoEntry | None:
        """Return the entry of a context, if remembered."""
        return None if context_id is None else self._entries.get(context_id)

    def _put(self, context_id: str, entry: MemoEntry) -> MemoEntry:
        self._entries[context_id] = entry
        if len(self._entries) > self._max:
            self._entries.popitem(last=False)
        return entry

    def user_of(self, user_id: str | None, parent_id: str | None) -> str | None:
        """Return the user behind a context: its own, else the nearest parent's."""
        hops = 0
        while user_id is None and parent_id is not None and hops < MAX_PARENT_HOPS:
            parent = self._entries.get(parent_id)
            if parent is None:
                return None
            user_id, parent_id = parent.user_id, parent.parent_id
            hops += 1
        return user_id

    def _new(self, kind: str, user_id: str | None, parent_id: str | None,
             time: float) -> MemoEntry:  # fmt: skip
        parent = self.get(parent_id)
        entry = MemoEntry(
            kind=kind,
            parent_id=parent_id,
            user_id=self.user_of(user_id, parent_id),
            first_time=time,
        )
        if parent is not None:
            entry.cause_ref = parent.cause_ref if parent.last_ref is None else parent.last_ref
            entry.trigger_entity_id = parent.trigger_entity_id
            if parent.refs:
                entry.trigger_entity_id = next(reversed(parent.refs))
        return entry

    def _started_by(self, entry: MemoEntry, trigger: str | None) -> None:
        """Point a new run at what started it: the one chain rule.

        A run started by a recorded state change points at that row, whatever caused the
        change (the trigger names the entity: "state of light.hall"). A run started by an
        event, a call or a clock inside another run points where that run points, and names
        it (`via`); a run started by a user's call points nowhere (the user is the root).
        """
        parent = self.get(entry.parent_id)
        if parent is None:
            return
        named = None
        if parent.refs and trigger:
            named = next((t for t in reversed(trigger.split()) if t in parent.refs), None)
        if named is not None and parent.refs is not None:
            entry.cause_ref, entry.trigger_entity_id = parent.refs[named], named
            return
        if parent.kind in (KIND_AUTOMATION, KIND_SCRIPT) and (
            parent.last_ref is None or (trigger or "").startswith("event")
        ):
            # Started by the parent run itself (an event it fired, a call it made).
            entry.cause_ref, entry.trigger_entity_id = parent.cause_ref, parent.trigger_entity_id
            entry.via, entry.runs = parent.entity_id, parent.runs
            entry.trigger = entry.trigger or parent.trigger

    def note_run(self, kind: str, context_id: str, user_id: str | None, parent_id: str | None,
                 entity_id: str | None, name: str | None, trigger: str | None,
                 time: float) -> None:  # fmt: skip
        """Remember an automation or script run that started in a context.

        A script started by an action call runs in the caller's context: the new entry keeps
        what the caller's entry knew (user, trigger, cause) and names the caller's run as `via`.
        """
        existing = self._entries.get(context_id)
        entry = self._new(kind, user_id, parent_id, time)
        entry.entity_id, entry.name, entry.trigger = entity_id, name, trigger
        if existing is None:
            self._started_by(entry, trigger)
        else:
            entry.user_id = entry.user_id or existing.user_id
            entry.cause_ref = existing.ref if existing.kind == ORIGIN_STATE else existing.cause_ref
            entry.trigger_entity_id = existing.trigger_entity_id or entry.trigger_entity_id
            entry.first_time = existing.first_time
            if existing.kind in (KIND_AUTOMATION, KIND_SCRIPT):
                entry.via, entry.runs = existing.entity_id, existing.runs
                entry.trigger = entry.trigger or existing.trigger
        entry.runs = (
            *entry.runs,
            (entity_id or kind, trigger if kind == KIND_AUTOMATION else None),
        )
        self._put(context_id, entry)

    def note_service(self, context_id: str, user_id: str | None, parent_id: str | None,
                     service: str, targets: Iterable[str], time: float) -> None:  # fmt: skip
        """Remember an action call; inside a run it names the action the run is taking."""
        entry = self._entries.get(context_id)
        if entry is None:
            entry = self._put(context_id, self._new(KIND_ACTION, user_id, parent_id, time))
        entry.service = service
        entry.targets = entry.targets.union(targets)

    def note_event(self, context_id: str, user_id: str | None, parent_id: str | None,
                   time: float) -> None:  # fmt: skip
        """Remember a context some other event started (kept for the user it carries)."""
        if context_id not in self._entries:
            self._put(context_id, self._new(KIND_ACTION, user_id, parent_id, time))

    def resolve(self, facts: ChangeFacts) -> tuple[Cause, int | None]:
        """Return the cause of a state change and the ref of the row that caused it."""
        entry = self._entries.get(facts.context_id)
        if entry is None:
            cause, cause_ref = self._resolve_origin(facts)
            entry = self._new(ORIGIN_STATE, facts.user_id, facts.parent_id,
                              facts.time)  # fmt: skip
            entry.entity_id, entry.ref, entry.cause = facts.entity_id, facts.ref, cause
            entry.refs, entry.last_ref = {facts.entity_id: facts.ref}, facts.ref
            self._put(facts.context_id, entry)
            return cause, cause_ref
        cause, cause_ref = self._resolve_known(entry, facts)
        if entry.refs is None:
            entry.refs = {}
        entry.refs.pop(facts.entity_id, None)  # newest last, for the trigger entity's default
        entry.refs[facts.entity_id] = entry.last_ref = facts.ref
        if facts.entity_id in entry.targets:
            entry.last_target = (facts.entity_id, facts.ref)
        if entry.kind == ORIGIN_STATE and facts.entity_id == entry.entity_id:
            first_seen = entry.first_time
        else:
            if entry.entities is None:
                entry.entities = {}
            first_seen = entry.entities.setdefault(facts.entity_id, facts.time)
        if facts.time - first_seen > self._stale_after:
            cause = replace(cause, confidence=LOW, reason="context_reused")
        return cause, cause_ref

    def _resolve_origin(self, facts: ChangeFacts) -> tuple[Cause, int | None]:
        """Resolve the first change seen in a context: a user, a known parent, or the device."""
        # Causes are built with their constructor, not dataclasses.replace: this runs in the
        # event loop for every state change, and replace costs several times more.
        ctx, parent_id = facts.context_id, facts.parent_id
        if facts.user_id is not None:
            return Cause(
                KIND_USER, user_id=facts.user_id, context_id=ctx, parent_id=parent_id
            ), None
        parent = self.get(parent_id)
        if parent is not None:
            return self._resolve_known(parent, facts, parent_id)
        if parent_id is not None:
            user_id = self.user_of(None, parent_id)
            cause = Cause(KIND_UNKNOWN, user_id=user_id, context_id=ctx, parent_id=parent_id,
                          reason="parent_not_seen")  # fmt: skip
            return cause, None
        meta = facts.meta
        return Cause(
            KIND_DEVICE, device_id=meta.device_id, platform=meta.platform, context_id=ctx
        ), None

    @staticmethod
    def _changed_member(entry: MemoEntry, facts: ChangeFacts) -> tuple[str, int] | None:
        """Return the newest row of this context among the members a group state names."""
        if not facts.members or not entry.refs:
            return None
        best: tuple[str, int] | None = None
        for member in facts.members:
            ref = entry.refs.get(member) if member != facts.entity_id else None
            if ref is not None and (best is None or ref > best[1]):
                best = (member, ref)
        return best

    def _resolve_known(
        self, entry: MemoEntry, facts: ChangeFacts, parent_id: str | None = None
    ) -> tuple[Cause, int | None]:
        """Resolve a change inside a context whose start is remembered."""
        ctx, user = facts.context_id, entry.user_id
        parent = parent_id if parent_id is not None else entry.parent_id
        member = self._changed_member(entry, facts)
        if member is not None:
            # A group following one of its members that changed here (groups of groups too).
            cause = Cause(KIND_ENTITY, user_id=user, entity_id=member[0], context_id=ctx,
                          parent_id=parent)  # fmt: skip
            return cause, member[1]
        if (
            entry.last_target is not None
            and entry.kind != ORIGIN_STATE
            and facts.entity_id not in entry.targets
            and facts.entity_id != entry.entity_id  # a run's own entity follows nothing
        ):
            # Not named by any call here, changing after an entity that was: it follows it.
            target_entity, target_ref = entry.last_target
            cause = Cause(KIND_ENTITY, user_id=user, entity_id=target_entity, context_id=ctx,
                          parent_id=parent)  # fmt: skip
            return cause, target_ref
        if entry.kind in (KIND_AUTOMATION, KIND_SCRIPT):
            cause = Cause(
                entry.kind,
                user_id=user,
                entity_id=entry.entity_id,
                name=entry.name,
                run_id=ctx,
                trigger=entry.trigger,
                trigger_entity_id=entry.trigger_entity_id,
                service=entry.service,
                via=entry.via,
                runs=_runs_out(entry.runs),
                context_id=ctx,
                parent_id=parent,
            )
            return cause, entry.cause_ref
        if entry.kind == KIND_ACTION:
            kind = KIND_USER if user and entry.parent_id is None else KIND_ACTION
            cause = Cause(
                kind, user_id=user, service=entry.service, context_id=ctx, parent_id=parent
            )
            return cause, entry.cause_ref
        # An origin state change: another entity's change set this one going (template, group).
        if entry.entity_id != facts.entity_id:
            cause = Cause(KIND_ENTITY, user_id=user, entity_id=entry.entity_id, context_id=ctx,
                          parent_id=parent)  # fmt: skip
            return cause, entry.ref
        return entry.cause or Cause(KIND_UNKNOWN, context_id=ctx), entry.cause_ref
