"""Export a span of the log to a JSON Lines or CSV file, with its SHA-256."""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError

from .const import DOMAIN, STORE_DIRNAME
from .query import iso
from .serialize import UserNames, event_out
from .store.base import AuditStore

PAGE = 5000  # rows read per query while exporting: bounded memory for any span
CSV_FIELDS = (
    "seq",
    "time",
    "event_type",
    "entity_id",
    "old_state",
    "new_state",
    "cause",
    "causation_seq",
    "attributes",
)


def _target(hass: HomeAssistant, path: str | None, start_us: int, fmt: str) -> Path:
    """Return where to write: our own exports folder, or a path Home Assistant allows."""
    if path is None:
        stamp = (iso(start_us) or "").replace(":", "").replace("+", "Z")[:17]
        return Path(hass.config.path(STORE_DIRNAME, "exports", f"audit-{stamp}.{fmt}"))
    target = Path(path)
    if not target.is_absolute():
        target = Path(hass.config.path(path))
    resolved = target.resolve()
    if not hass.config.is_allowed_path(str(resolved)):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="path_not_allowed",
            translation_placeholders={"path": path},
        )
    return resolved


def _write(
    store: AuditStore,
    target: Path,
    span: tuple[int, int],
    entity_ids: Sequence[str] | None,
    fmt: str,
    names: UserNames,
) -> dict[str, Any]:
    """Write the file page by page and hash what was written (runs in an executor)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    count, after = 0, 0
    with target.open("wb") as out:
        if fmt == "csv":
            header = ",".join(CSV_FIELDS).encode() + b"\r\n"
            out.write(header)
            digest.update(header)
        while True:
            rows = store.history(entity_ids, span[0], span[1], None, after, PAGE)
            for row in rows:
                event = event_out(row, names, attributes=True)
                if fmt == "csv":
                    buf = io.StringIO()
                    values = [event.get(f) for f in CSV_FIELDS]
                    values[6] = orjson.dumps(values[6]).decode()
                    values[8] = orjson.dumps(values[8]).decode()
                    csv.writer(buf).writerow(values)
                    line = buf.getvalue().encode()
                else:
                    line = orjson.dumps(event) + b"\n"
                out.write(line)
                digest.update(line)
            count += len(rows)
            if len(rows) < PAGE:
                break
            after = rows[-1].seq
    return {"path": str(target), "rows": count, "sha256": digest.hexdigest()}


async def async_export(
    hass: HomeAssistant, store: AuditStore, start: int, end: int, fmt: str, path: str | None,
    names: UserNames,
) -> dict[str, Any]:  # fmt: skip
    """Export [start, end] and return the file's path, row count and SHA-256."""
    target = _target(hass, path, start, fmt)
    return await hass.async_add_executor_job(_write, store, target, (start, end), None, fmt, names)


async def async_download(
    hass: HomeAssistant, store: AuditStore, span: tuple[int, int], fmt: str,
    names: UserNames, entity_ids: Sequence[str] | None,
) -> dict[str, Any]:  # fmt: skip
    """Export to a file of its own for one download (the caller removes it once sent)."""
    name = f"{uuid.uuid4().hex}.{fmt}"
    target = Path(hass.config.path(STORE_DIRNAME, "exports", "downloads", name))
    return await hass.async_add_executor_job(_write, store, target, span, entity_ids, fmt, names)
