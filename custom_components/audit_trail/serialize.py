"""One serialiser for stored rows, shared by actions, websocket commands and diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .models import ET_CHECKPOINT, StoredRow
from .query import iso

# The cause fields of the public contract, in order (others stay in the store).
CAUSE_FIELDS = (
    "kind",
    "confidence",
    "user_id",
    "user_name",
    "entity_id",
    "name",
    "trigger",
    "service",
    "device_id",
    "context_id",
)

type UserNames = Callable[[str], str | None]


def cause_out(cause: Mapping[str, Any], user_names: UserNames) -> dict[str, Any]:
    """Return the contract's cause: the fields that apply, the user's name resolved now."""
    out = {k: cause[k] for k in CAUSE_FIELDS if cause.get(k) is not None}
    if "user_id" in out:
        out["user_name"] = user_names(out["user_id"])  # None for a deleted user
    return out


def event_out(row: StoredRow, user_names: UserNames, attributes: bool) -> dict[str, Any]:
    """Return the contract's event."""
    out: dict[str, Any] = {
        "seq": row.seq,
        "time": iso(row.time_us),
        "event_type": row.event_type,
        "entity_id": row.entity_id,
        "old_state": row.old_state,
        "new_state": row.new_state,
    }
    if attributes:
        out["attributes"] = row.new_attributes
    if row.payload is not None:
        out["payload"] = row.payload
    out["cause"] = cause_out(row.cause, user_names)
    out["causation_seq"] = row.causation_seq
    return out


def state_out(
    row: StoredRow, origin: StoredRow | None, user_names: UserNames, attributes: bool
) -> dict[str, Any] | None:
    """Return an entity's state at a time; a checkpoint answers with the row it repeats."""
    if row.new_state is None:
        return None
    source = origin if row.event_type == ET_CHECKPOINT and origin is not None else row
    out: dict[str, Any] = {"state": row.new_state}
    if attributes:
        out["attributes"] = row.new_attributes
    out["last_changed"] = iso(row.last_changed_us)
    out["last_updated"] = iso(row.last_updated_us)
    out["seq"] = source.seq
    out["cause"] = cause_out(source.cause, user_names)
    return out
