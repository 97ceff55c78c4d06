"""Websocket commands for the card: the same questions as the actions, and a live stream."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import voluptuous as vol
from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import WebSocketCommandHandler
from homeassistant.components.websocket_api.decorators import async_response, websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from .const import END_OF_TIME_US, SIGNAL_COMMITTED
from .models import ET_GAP, StoredRow
from .serialize import event_out
from .services import (
    ACTIVITY_SCHEMA,
    DIFF_SCHEMA,
    HISTORY_SCHEMA,
    STATE_AT_SCHEMA,
    TRACE_SCHEMA,
    VERIFY_SCHEMA,
    Request,
    answer_activity,
    answer_diff,
    answer_history,
    answer_state_at,
    answer_trace,
    answer_verify,
)
from .timeline import TIMELINE_SCHEMA, answer_actors, answer_timeline

# Rows sent per message while catching up: small messages keep the connection responsive.
PAGE = 500
# Rows a subscriber may be behind before it is dropped (it can subscribe again from its last
# seq): keeps one slow card from holding Home Assistant's memory.
MAX_BEHIND = 20_000

type Answer = Callable[[Request], Awaitable[dict[str, Any]]]


# The card's list pages newest first; the action keeps oldest first.
WS_HISTORY_SCHEMA = HISTORY_SCHEMA.extend(
    {vol.Optional("order", default="asc"): vol.In(["asc", "desc"])}
)
# Without an actor: every actor's counts (the panel's "who changed what").
WS_ACTIVITY_SCHEMA = ACTIVITY_SCHEMA.extend({vol.Optional("actor"): cv.string})


async def _answer_activity(req: Request) -> dict[str, Any]:
    """Answer one actor's activity, or every actor's counts."""
    return await (answer_activity(req) if req.data.get("actor") else answer_actors(req))


def _question(
    name: str, schema: vol.Schema, answer: Answer, admin: bool = False
) -> WebSocketCommandHandler:
    """Build a websocket command that answers like the action of the same name."""

    @websocket_command({vol.Required("type"): f"audit_trail/{name}", **schema.schema})
    @async_response
    async def handle(
        hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
    ) -> None:
        data = {k: v for k, v in msg.items() if k not in ("id", "type")}
        request = Request(hass, schema(data), connection.context(msg))
        connection.send_result(msg["id"], await answer(await request.async_prepare(admin)))

    return handle


@websocket_command(
    {
        vol.Required("type"): "audit_trail/subscribe",
        vol.Optional("entity_id"): cv.entity_ids,
        vol.Optional("after_seq", default=0): vol.All(vol.Coerce(int), vol.Range(min=0)),
    }
)
@async_response
async def ws_subscribe(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Subscribe first, then backfill from the store by seq, then stream each commit."""
    request = await Request(hass, msg, connection.context(msg)).async_prepare()
    entity_ids = await request.async_entities()
    wake = asyncio.Event()
    wake.set()  # the first round is the backfill
    # The newest seq known committed (a row read, then each commit's): every row up to it
    # can be read. A spool's stand-in for the server's last row (no hash) is not one.
    newest = await request.job(request.store.last_row)
    committed = [newest.seq if newest is not None and newest.hash else 0]

    @callback
    def _committed(last_seq: int, _rows: int) -> None:
        committed[0] = max(committed[0], last_seq)
        wake.set()

    unsub_signal = async_dispatcher_connect(hass, SIGNAL_COMMITTED, _committed)
    tasks: list[asyncio.Task[None]] = []

    @callback
    def _unsubscribe() -> None:
        unsub_signal()
        for task in tasks:
            task.cancel()

    connection.subscriptions[msg["id"]] = _unsubscribe
    connection.send_result(msg["id"])
    # Started after the result, so the client always sees the result first.
    tasks.append(
        hass.async_create_background_task(
            _pump(
                request,
                connection,
                msg["id"],
                entity_ids,
                msg["after_seq"],
                (wake, lambda: committed[0]),
            ),
            f"audit_trail subscription {msg['id']}",
        )
    )


async def _pump(
    request: Request,
    connection: ActiveConnection,
    msg_id: int,
    entity_ids: list[str] | None,
    after_seq: int,
    signal: tuple[asyncio.Event, Callable[[], int]],
) -> None:
    """Send every row after the last one sent, in seq order, whenever the writer commits.

    Some entities' rows come with every gap row: a gap is every lane's.
    """
    store, last = request.store, after_seq
    wake, committed = signal
    while True:
        await wake.wait()
        wake.clear()
        if store.last_seq - last > MAX_BEHIND and entity_ids is None:
            connection.send_message(
                event_message(msg_id, {"dropped": "too_far_behind", "last_seq": last})
            )
            connection.subscriptions.pop(msg_id, lambda: None)()
            return
        while True:
            readable = committed()  # before the read: its answer holds every row up to it
            rows = await request.job(store.history, entity_ids, 0, END_OF_TIME_US, None, last, PAGE)
            full = len(rows) == PAGE
            read_to = last  # every row of the subscription up to it has been read
            if entity_ids is not None:
                # Every entity row up to `upto` is in `rows`; the gaps are read after them, so
                # every gap up to it is seen too (rows are committed in seq order).
                upto = rows[-1].seq if full else max([readable, *(r.seq for r in rows[-1:])])
                rows, read_to, capped = await _with_gaps(request, rows, last, upto)
                full = full or capped
            # Past what was read, not only past the last row sent: a quiet entity's cursor
            # would otherwise stay behind, and each commit's gap read would scan further.
            last = max([last, read_to, *(r.seq for r in rows[-1:])])
            if not rows:
                break
            events = [
                event_out(r, request.user_names, attributes=True)
                for r in rows
                if request.may_read(r.entity_id)
            ]
            if events:
                connection.send_message(event_message(msg_id, {"events": events}))
            if not full:
                break


async def _with_gaps(
    request: Request, rows: list[StoredRow], after: int, upto: int
) -> tuple[list[StoredRow], int, bool]:
    """Merge the gap rows in (after, upto] into some entities' rows, in seq order.

    Return the rows, the seq up to which they are complete, and whether a full page of gaps
    cut them short (more follow).
    """
    gaps = await request.job(request.store.history, None, 0, END_OF_TIME_US, [ET_GAP], after, PAGE)
    capped = len(gaps) == PAGE and gaps[-1].seq < upto
    if capped:
        upto = gaps[-1].seq
        rows = [r for r in rows if r.seq <= upto]
    gaps = [g for g in gaps if g.seq <= upto]
    if not gaps:
        return rows, upto, capped
    return sorted([*rows, *gaps], key=lambda r: r.seq), upto, capped


@callback
def async_setup_websocket(hass: HomeAssistant) -> None:
    """Register the commands once."""
    async_register_command(hass, _question("state_at", STATE_AT_SCHEMA, answer_state_at))
    async_register_command(hass, _question("history", WS_HISTORY_SCHEMA, answer_history))
    async_register_command(hass, _question("trace", TRACE_SCHEMA, answer_trace))
    async_register_command(hass, _question("timeline", TIMELINE_SCHEMA, answer_timeline))
    async_register_command(hass, _question("diff", DIFF_SCHEMA, answer_diff))
    async_register_command(
        hass, _question("activity", WS_ACTIVITY_SCHEMA, _answer_activity, admin=True)
    )
    async_register_command(hass, _question("verify", VERIFY_SCHEMA, answer_verify, admin=True))
    async_register_command(hass, ws_subscribe)
