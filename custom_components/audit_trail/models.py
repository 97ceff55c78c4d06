"""Pure values: frozen, slotted records of what happened and why (no Home Assistant imports)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

# Stable identifiers of the rows in the log (part of the public contract).
ET_STATE_CHANGED: Final = "state_changed"
ET_ATTRIBUTES_CHANGED: Final = "attributes_changed"
ET_ENTITY_ADDED: Final = "entity_added"
ET_ENTITY_REMOVED: Final = "entity_removed"
ET_CHECKPOINT: Final = "checkpoint"
ET_ANNOTATION: Final = "annotation"
ET_CORRECTION: Final = "correction"
ET_HA_STARTED: Final = "ha_started"
ET_HA_STOPPED: Final = "ha_stopped"
ET_LOADED: Final = "integration_loaded"
ET_UNLOADED: Final = "integration_unloaded"
ET_GAP: Final = "gap"
ENTITY_EVENT_TYPES: Final = frozenset(
    {
        ET_STATE_CHANGED,
        ET_ATTRIBUTES_CHANGED,
        ET_ENTITY_ADDED,
        ET_ENTITY_REMOVED,
        ET_CHECKPOINT,
    }
)
# The rows a timeline counts: what changed an entity (checkpoints repeat, annotations only talk).
TIMELINE_EVENT_TYPES: Final = (
    ET_STATE_CHANGED,
    ET_ATTRIBUTES_CHANGED,
    ET_ENTITY_ADDED,
    ET_ENTITY_REMOVED,
    ET_CORRECTION,
)
EVENT_TYPES: Final = (
    *sorted(ENTITY_EVENT_TYPES),
    ET_ANNOTATION,
    ET_CORRECTION,
    ET_HA_STARTED,
    ET_HA_STOPPED,
    ET_LOADED,
    ET_UNLOADED,
    ET_GAP,
)

# Cause kinds (part of the public contract).
KIND_USER: Final = "user"
KIND_AUTOMATION: Final = "automation"
KIND_SCRIPT: Final = "script"
KIND_ACTION: Final = "action"
KIND_ENTITY: Final = "entity"
KIND_DEVICE: Final = "device"
KIND_SYSTEM: Final = "system"
KIND_UNOBSERVED: Final = "unobserved"
KIND_UNKNOWN: Final = "unknown"
CAUSE_KINDS: Final = (
    KIND_USER,
    KIND_AUTOMATION,
    KIND_SCRIPT,
    KIND_ACTION,
    KIND_ENTITY,
    KIND_DEVICE,
    KIND_SYSTEM,
    KIND_UNOBSERVED,
    KIND_UNKNOWN,
)
HIGH: Final = "high"
LOW: Final = "low"


# Cause and Record are built in the event loop for every state change. They are treated as
# immutable but not declared frozen: a frozen dataclass's __init__ sets each field through
# object.__setattr__, which made building them about three times slower (measured: 2.5 µs each).
@dataclass(slots=True)
class Cause:
    """Why a row happened, resolved at capture time; stored as versioned JSON."""

    kind: str
    confidence: str = HIGH
    user_id: str | None = None
    entity_id: str | None = None
    name: str | None = None
    run_id: str | None = None
    trigger: str | None = None
    trigger_entity_id: str | None = None
    service: str | None = None
    via: str | None = None
    # Every automation and script run on the way, outermost first, the cause's own run last,
    # as {"entity_id", "trigger"} (only when a run started another: `via` names the nearest).
    runs: list[dict[str, str]] | None = None
    device_id: str | None = None
    platform: str | None = None
    context_id: str | None = None
    parent_id: str | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the fields that apply, with the cause format version."""
        out: dict[str, Any] = {"v": 1}
        for name in self.__slots__:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    @property
    def actor(self) -> str | None:
        """Return who acted, for the actor index: the user, else the automation or script."""
        if self.user_id:
            return self.user_id
        if self.kind in (KIND_AUTOMATION, KIND_SCRIPT):
            return self.entity_id
        return None


@dataclass(frozen=True, slots=True)
class EntityMeta:
    """Registry facts about an entity at capture time (registry id survives renames)."""

    registry_id: str | None = None
    device_id: str | None = None
    area_id: str | None = None
    platform: str | None = None


@dataclass(slots=True)
class Record:
    """One row to append, as the event loop builds it (attributes are filtered by the writer).

    The writer gives each row its seq. `ref` is the capture's own number for the record, so a
    row caused by another not yet written can name it (`causation_ref`); the writer turns it
    into `causation_seq`.
    """

    ref: int
    time_us: int
    event_type: str
    cause: Cause
    entity_id: str | None = None
    meta: EntityMeta = field(default_factory=EntityMeta)
    old_state: str | None = None
    new_state: str | None = None
    old_attributes: Mapping[str, Any] | None = None
    new_attributes: Mapping[str, Any] | None = None
    last_changed_us: int | None = None
    last_updated_us: int | None = None
    context_id: str | None = None
    context_user_id: str | None = None
    context_parent_id: str | None = None
    causation_seq: int | None = None
    causation_ref: int | None = None
    payload: Mapping[str, Any] | None = None

    @property
    def domain(self) -> str | None:
        """Return the entity's domain."""
        return self.entity_id.split(".", 1)[0] if self.entity_id else None


# Not declared frozen, as Cause and Record: reads build thousands at a time, and a frozen
# dataclass sets each of its 23 fields through object.__setattr__ (measured: 1,000 rows decoded
# in 16.3 ms frozen, 12.5 ms not). Nothing changes one after it is built.
@dataclass(slots=True)
class StoredRow:
    """One row as read back from the store, attributes resolved."""

    seq: int
    time_us: int
    event_type: str
    entity_id: str | None
    registry_id: str | None
    device_id: str | None
    area_id: str | None
    domain: str | None
    platform: str | None
    old_state: str | None
    new_state: str | None
    old_attributes: dict[str, Any] | None
    new_attributes: dict[str, Any] | None
    last_changed_us: int | None
    last_updated_us: int | None
    context_id: str | None
    context_user_id: str | None
    context_parent_id: str | None
    cause: dict[str, Any]
    causation_seq: int | None
    payload: dict[str, Any] | None
    version: int
    hash: bytes


@dataclass(frozen=True, slots=True)
class Bucket:
    """One entity's rows in one time bucket of a timeline: how many, and the newest of them."""

    entity_id: str
    index: int  # the bucket's number from the timeline's start: start + index * width
    count: int  # entity rows (state, attribute, added, removed, correction) in the bucket
    last: StoredRow  # the newest of them: the state the bucket ends in, and who set it


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """The outcome of walking the hash chain."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Figures about the store for sensors, diagnostics and system health."""

    rows: int
    last_seq: int
    oldest_time_us: int | None
    size_bytes: int
    partitions: tuple[str, ...]
