"""What log rows name by id (names, facts, causes, attribute sets), resolved once and cached.

The side tables are append-only and an id is never given twice, so a cached id stays true.
Reads fetch bare log rows and resolve their ids here: joining the four tables in SQL made the
server look each one up per row (measured: a whole-home state_at 2.2x slower than SQLite's).
Verify never uses this cache: it reads what the tables hold now, to find what was altered.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, Final

import psycopg

# Columns of a bare log row as reads select them (LOG_SELECT), by position.
LOG_SELECT: Final = (
    "l.seq, l.time_us, l.event_type, l.entity, l.meta, l.old_state, l.new_state,"
    " l.last_changed_d, l.last_updated_d, l.context_id, l.context_user_id, l.context_parent_id,"
    " l.actor, l.cause, l.causation_seq, l.payload, l.v, l.hash, l.old_attrs, l.new_attrs"
)
# Entries kept per table before it is emptied: a home's names, facts and causes are few; the
# attribute sets of a few thousand entities' recent states are what reads ask again.
CACHE_MAX: Final = 50_000
_QUERIES: Final = {
    "names": "SELECT id, name FROM names WHERE instance = %s AND id = ANY(%s)",
    "metas": "SELECT id, registry_id, device_id, area_id, platform FROM metas"
    " WHERE instance = %s AND id = ANY(%s)",
    "causes": "SELECT id, json FROM causes WHERE instance = %s AND id = ANY(%s)",
    "attrs": "SELECT id, json, hash FROM attrs WHERE instance = %s AND id = ANY(%s)",
}
_NO_META: Final = (None, None, None, None)
_NO_ATTRS: Final = (None, None)


class SideCache:
    """Values of the side tables by id, for one instance, shared by the read threads."""

    def __init__(self, instance: str) -> None:
        self.instance = instance
        self._tables: dict[str, dict[int, Any]] = {t: {} for t in _QUERIES}
        self._lock = threading.Lock()

    def _fill(
        self, conn: psycopg.Connection[tuple[Any, ...]], table: str, ids: set[int]
    ) -> dict[int, Any]:
        """Return the values of these ids, fetching the ones not cached in one query."""
        known = self._tables[table]
        with self._lock:
            got = {i: known[i] for i in ids if i in known}
        missing = [i for i in ids if i not in got]
        if missing:
            found = {
                int(row[0]): row[1] if len(row) == 2 else tuple(row[1:])  # noqa: PLR2004
                for row in conn.execute(_QUERIES[table], (self.instance, missing))
            }
            got.update(found)
            with self._lock:
                if len(known) + len(found) > CACHE_MAX:
                    known.clear()
                known.update(found)
        return got

    def resolve(
        self, conn: psycopg.Connection[tuple[Any, ...]], rows: Sequence[Sequence[Any]]
    ) -> list[tuple[Any, ...]]:
        """Return bare log rows (LOG_SELECT) as ROW_SELECT rows, ids resolved."""
        if not rows:
            return []
        names = self._fill(conn, "names", {i for r in rows for i in (r[2], r[3], r[12]) if i})
        metas = self._fill(conn, "metas", {r[4] for r in rows if r[4] is not None})
        causes = self._fill(conn, "causes", {r[13] for r in rows})
        attrs = self._fill(conn, "attrs", {i for r in rows for i in (r[18], r[19]) if i})
        return [_row(r, names, metas, causes, attrs) for r in rows]


def _row(
    r: Sequence[Any],
    names: dict[int, Any],
    metas: dict[int, Any],
    causes: dict[int, Any],
    attrs: dict[int, Any],
) -> tuple[Any, ...]:
    """Return one bare log row as a ROW_SELECT row."""
    old = _NO_ATTRS if r[18] is None else attrs.get(r[18], _NO_ATTRS)
    new = _NO_ATTRS if r[19] is None else attrs.get(r[19], _NO_ATTRS)
    meta = _NO_META if r[4] is None else metas.get(r[4], _NO_META)
    return (
        r[0], r[1], names.get(r[2]), names.get(r[3]) if r[3] else None, *meta,
        r[5], r[6], r[7], r[8], r[9], r[10], r[11],
        names.get(r[12]) if r[12] else None, causes.get(r[13]), r[14], r[15], r[16],
        r[17], old[0], new[0], old[1], new[1], r[18], r[19], r[4], r[13],
    )  # fmt: skip
