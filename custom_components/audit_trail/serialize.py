"""One serialiser for stored rows, shared by actions, websocket commands and diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .models import ET_CHECKPOINT, Cause, StoredRow
from .query import iso

# The cause fields of the public contract, in order: every field a cause is stored with, and
# the user's name looked up when asked (the log keeps user ids only).
CAUSE_FIELDS = (
    "kind",
    "confidence",
    "user_id",
    "user_name",
    *(f for f in Cause.__slots__ if f not in ("kind", "confidence", "user_id")),
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


# What each hop of a trace is (part of the public contract).
HOP_STATE_CHANGE = "state_change"
HOP_AUTOMATION_RUN = "automation_run"
HOP_SCRIPT_RUN = "script_run"
HOP_ACTION_CALL = "action_call"
HOP_USER = "user"
HOP_DEVICE = "device"

type EntityNames = Callable[[str], str | None]


def _run_hops(cause: Mapping[str, Any], run_names: EntityNames) -> list[dict[str, Any]]:
    """Return the runs behind a cause, nearest first: its own run, then each run that started it."""
    runs = cause.get("runs") or [
        {"entity_id": cause.get("entity_id"), "trigger": cause.get("trigger")}
    ]
    hops: list[dict[str, Any]] = []
    for depth, run in enumerate(reversed(runs)):
        entity_id = str(run.get("entity_id"))
        kind = HOP_SCRIPT_RUN if entity_id.startswith("script.") else HOP_AUTOMATION_RUN
        hop: dict[str, Any] = {"hop": kind, "entity_id": entity_id, "trigger": run.get("trigger")}
        if depth == 0:
            hop.update(
                name=cause.get("name"), run_id=cause.get("run_id"), service=cause.get("service")
            )
        else:
            hop["name"] = run_names(entity_id)
        if depth == len(runs) - 1:  # the outermost run: what a recorded change set going
            hop["trigger_entity_id"] = cause.get("trigger_entity_id")
        hops.append({k: v for k, v in hop.items() if v is not None})
    return hops


def _cause_hops(cause: Mapping[str, Any], run_names: EntityNames) -> list[dict[str, Any]]:
    """Return what stands between a row and the row (or root) that caused it."""
    kind = cause.get("kind")
    if kind in ("automation", "script"):
        return _run_hops(cause, run_names)
    if kind in ("user", "action") and cause.get("service"):
        return [{"hop": HOP_ACTION_CALL, "service": cause["service"]}]
    return []


def _root_hop(cause: Mapping[str, Any], user_names: UserNames) -> dict[str, Any] | None:
    """Return the root of a chain when it is not a recorded row: the user, or the device."""
    if cause.get("user_id") is not None:
        user_id = cause["user_id"]
        return {"hop": HOP_USER, "user_id": user_id, "user_name": user_names(user_id)}
    if cause.get("kind") == "device":
        hop = {
            "hop": HOP_DEVICE,
            "device_id": cause.get("device_id"),
            "platform": cause.get("platform"),
        }
        return {k: v for k, v in hop.items() if v is not None}
    return None


def trace_out(
    chain: list[StoredRow], user_names: UserNames, run_names: EntityNames
) -> dict[str, Any]:
    """Return a trace: the rows effect first, and every hop on the way to the root."""
    events = [event_out(r, user_names, attributes=False) for r in chain]
    hops: list[dict[str, Any]] = []
    for row, event in zip(chain, events, strict=True):
        hops.append({"hop": HOP_STATE_CHANGE, **event})
        hops.extend(_cause_hops(row.cause, run_names))
    root = _root_hop(chain[-1].cause, user_names)
    if root is not None:
        hops.append(root)
    return {"chain": events, "hops": hops, "root": cause_out(chain[-1].cause, user_names)}
