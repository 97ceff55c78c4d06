"""The panel's download: an export of the selection over authenticated HTTP, admins only."""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from pathlib import Path

from aiohttp import web
from homeassistant.components.http.const import KEY_HASS_USER
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.http import KEY_HASS, HomeAssistantView

from .export import async_download
from .query import iso
from .services import Request, invalid

CONTENT_TYPES = {"jsonl": "application/jsonl", "csv": "text/csv"}
SHA256_HEADER = "X-Audit-Trail-SHA256"
CHUNK = 256 * 1024  # bytes sent per write: a year's export streams in bounded memory


def _day(time_us: int) -> str:
    """Return a time's UTC day for a file name."""
    return (iso(time_us) or "")[:10]


async def _send(
    hass: HomeAssistant, request: web.Request, response: web.StreamResponse, path: Path
) -> None:
    """Stream a file in chunks read in the executor (a year's export in bounded memory)."""
    file = await hass.async_add_executor_job(path.open, "rb")
    try:
        response.content_length = (await hass.async_add_executor_job(path.stat)).st_size
        await response.prepare(request)
        while chunk := await hass.async_add_executor_job(file.read, CHUNK):
            await response.write(chunk)
        await response.write_eof()
    finally:
        await hass.async_add_executor_job(file.close)


class ExportView(HomeAssistantView):
    """GET /api/audit_trail/export?start=...&end=...&format=jsonl|csv&entity_id=a,b."""

    url = "/api/audit_trail/export"
    name = "api:audit_trail:export"
    requires_auth = True

    async def get(self, request: web.Request) -> web.StreamResponse:
        """Write the export file, then send it with its SHA-256 in a header."""
        hass = request.app[KEY_HASS]
        user = request[KEY_HASS_USER]
        if not user.is_admin:
            return self.json_message("Admins only", HTTPStatus.FORBIDDEN)
        query: dict[str, object] = dict(request.query)
        if "entity_id" in request.query:
            query["entity_id"] = [e for e in request.query["entity_id"].split(",") if e]
        fmt = request.query.get("format", "jsonl")
        try:
            if fmt not in CONTENT_TYPES:
                raise invalid("invalid_format", format=fmt)
            req = await Request(hass, query, Context(user_id=user.id)).async_prepare(admin=True)
            start, end = req.span()
            entity_ids = await req.async_entities()
        except ServiceValidationError as err:
            return self.json(
                {"message": str(err), "translation_key": err.translation_key},
                HTTPStatus.BAD_REQUEST,
            )
        # A file of its own per download (a year is too much to hold in memory), removed
        # once sent; exports made by the action are left where the action put them.
        done = await async_download(hass, req.store, (start, end), fmt, req.user_names, entity_ids)
        path = Path(done["path"])
        response = web.StreamResponse(
            headers={
                "Content-Type": CONTENT_TYPES[fmt],
                "Content-Disposition": f'attachment; filename="audit-trail-{_day(start)}'
                f'-{_day(end)}.{fmt}"',
                SHA256_HEADER: done["sha256"],
            },
        )
        try:
            await _send(hass, request, response, path)
        finally:
            await hass.async_add_executor_job(partial(path.unlink, missing_ok=True))
        return response
