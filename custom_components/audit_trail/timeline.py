"""Answers for the card and panel: a timeline at the screen's resolution, and who did what."""

from __future__ import annotations

import time
from math import ceil
from typing import Any

import voluptuous as vol
from homeassistant.helpers import config_validation as cv

from .const import END_OF_TIME_US
from .models import (
    ET_CHECKPOINT,
    ET_GAP,
    EVENT_TYPES,
    TIMELINE_EVENT_TYPES,
    Bucket,
    StoredRow,
    VerifyResult,
)
from .query import iso
from .serialize import cause_out, event_out
from .services import Request, state_of

# Buckets a lane is split into: about one per pixel of the widest screen a card is drawn on.
MAX_BUCKETS = 4000
# Rows of one entity sent exactly before the lane is sent as buckets: a 24 h lane of a busy
# sensor stays exact, a year of it does not (10,000 rows are ~1 MB of JSON).
MAX_EXACT = 10_000
MAX_GAPS = 1000  # gap rows are a restart or an overflow each; a year holds a few hundred

TIMELINE_SCHEMA = vol.Schema(
    {
        vol.Required("entity_id"): cv.entity_ids,
        vol.Optional("instance"): cv.string,
        vol.Required("start"): vol.Any(cv.datetime, cv.string),
        vol.Optional("end"): vol.Any(cv.datetime, cv.string),
        vol.Optional("buckets", default=400): vol.All(
            vol.Coerce(int), vol.Range(min=10, max=MAX_BUCKETS)
        ),
        vol.Optional("exact_limit", default=2000): vol.All(
            vol.Coerce(int), vol.Range(min=0, max=MAX_EXACT)
        ),
    }
)


def _bucket_out(bucket: Bucket, start_us: int, width_us: int, req: Request) -> dict[str, Any]:
    """Return one bucket of a lane."""
    begin = start_us + bucket.index * width_us
    return {
        "start": iso(begin),
        "end": iso(begin + width_us),
        "count": bucket.count,
        "state": bucket.last.new_state,
        "last_seq": bucket.last.seq,
        "cause": cause_out(bucket.last.cause, req.user_names),
    }


def _gap_out(row: StoredRow) -> dict[str, Any]:
    """Return a gap: the span Audit Trail did not record, and why."""
    payload = row.payload or {}
    return {
        "start": iso(int(payload.get("from_us", row.time_us))),
        "end": iso(int(payload.get("to_us", row.time_us))),
        "reason": payload.get("reason") or row.cause.get("reason"),
        "seq": row.seq,
    }


def integrity_out(result: VerifyResult | None, verified_at: float | None) -> dict[str, Any]:
    """Return the last verification of the chain (ok None: not verified yet)."""
    when = None
    if verified_at is not None:  # a monotonic time: turned into wall time now
        when = iso(int((time.time() - (time.monotonic() - verified_at)) * 1_000_000))
    return {
        "ok": None if result is None else result.ok,
        "checked": 0 if result is None else result.checked,
        "first_bad_seq": None if result is None else result.first_bad_seq,
        "reason": None if result is None else result.reason,
        "verified_at": when,
    }


async def _gaps(req: Request, start_us: int, end_us: int) -> list[dict[str, Any]]:
    """Return the gaps that overlap the window (a gap's row is written when it ends)."""
    rows = await req.job(req.store.history, None, start_us, END_OF_TIME_US, [ET_GAP], 0, MAX_GAPS)
    return [_gap_out(r) for r in rows if int((r.payload or {}).get("from_us", r.time_us)) < end_us]


async def _initial(req: Request, ids: list[str], start_us: int) -> dict[str, Any]:
    """Return each entity's state as the window opens (None: it did not exist)."""
    found = await req.job(req.store.state_at, ids, start_us)
    return {e: await state_of(req, found.get(e), attributes=False) for e in ids}


async def _exact_rows(
    req: Request, exact: list[str], counts: dict[str, int], start_us: int, end_us: int
) -> list[StoredRow]:
    """Return every row of the lanes sent exactly, in one read."""
    total = sum(counts.get(e, 0) for e in exact)
    if not total:
        return []
    return await req.job(
        req.store.history, exact, start_us + 1, end_us, TIMELINE_EVENT_TYPES, 0, total + 1
    )


async def _begins(
    req: Request, ids: list[str], initial: dict[str, Any], start_us: int, end_us: int
) -> dict[str, dict[str, Any] | None]:
    """Return, for lanes unknown at the start, the checkpoint the log began recording them with.

    On a fresh store the present states are written as checkpoints (the log cannot know how
    long they had held): without them such a lane would read "did not exist" until it changed.
    """
    out: dict[str, dict[str, Any] | None] = {}
    for entity_id in ids:
        first = None
        if initial[entity_id] is None:
            found = await req.job(
                req.store.history, [entity_id], start_us, end_us, EVENT_TYPES, 0, 1
            )
            first = found[0] if found and found[0].event_type == ET_CHECKPOINT else None
        out[entity_id] = (
            None if first is None else event_out(first, req.user_names, attributes=False)
        )
    return out


async def _log_start(req: Request) -> str | None:
    """Return when the oldest kept row was written: before it, the log knows nothing."""
    oldest = await req.job(req.store.history, None, 0, END_OF_TIME_US, EVENT_TYPES, 0, 1)
    return iso(oldest[0].time_us) if oldest else None


async def answer_timeline(req: Request) -> dict[str, Any]:
    """Answer each entity's lane over a window: exact rows when few, buckets when many."""
    ids = await req.async_entities() or []
    start, end = req.span()
    width = max(1, ceil((end - start) / int(req.data.get("buckets", 400))))
    found = await req.job(req.store.buckets, ids, start, end, width)
    counts: dict[str, int] = {}
    for bucket in found:
        counts[bucket.entity_id] = counts.get(bucket.entity_id, 0) + bucket.count
    limit = int(req.data.get("exact_limit", 2000))
    exact = [e for e in ids if counts.get(e, 0) <= limit]
    rows = await _exact_rows(req, exact, counts, start, end)
    is_exact = set(exact)
    initial = await _initial(req, ids, start)
    begins = await _begins(req, ids, initial, start, end)
    # Each lane's rows and buckets, grouped in one pass (not a scan of all of them per lane).
    parts: dict[str, list[dict[str, Any]]] = {e: [] for e in ids}
    for row in rows:
        parts[str(row.entity_id)].append(event_out(row, req.user_names, attributes=False))
    for bucket in found:
        if bucket.entity_id not in is_exact:
            parts[bucket.entity_id].append(_bucket_out(bucket, start, width, req))
    lanes = {
        e: {
            "initial": initial[e],
            "begins": begins[e],
            "exact": e in is_exact,
            "events" if e in is_exact else "buckets": parts[e],
        }
        for e in ids
    }
    status = req.entry.runtime_data.coordinator.data
    return {
        "start": iso(start),
        "end": iso(end),
        "log_start": await _log_start(req),
        "entities": lanes,
        "gaps": await _gaps(req, start, end),
        "integrity": integrity_out(
            status.verify if status else None, status.verified_at if status else None
        ),
    }


def _actor_out(req: Request, actor: str, by_entity: dict[str, int]) -> dict[str, Any]:
    """Return one actor's counts: a user (by id) or an automation or script (by entity)."""
    kind = actor.split(".", 1)[0] if "." in actor else "user"
    return {
        "actor": actor,
        "kind": kind,
        "name": req.names.get(actor) if kind == "user" else req.entity_name(actor),
        "total": sum(by_entity.values()),
        "by_entity": dict(sorted(by_entity.items(), key=lambda kv: -kv[1])),
    }


async def answer_actors(req: Request) -> dict[str, Any]:
    """Answer who changed what in a window: every actor, most active first."""
    start, end = req.span()
    found = await req.job(req.store.actors, start, end)
    actors = [_actor_out(req, actor, by_entity) for actor, by_entity in found.items()]
    actors.sort(key=lambda a: (-int(a["total"]), str(a["actor"])))
    return {"actors": actors, "total": sum(int(a["total"]) for a in actors)}
