"""Walking one instance's hash chain in PostgreSQL, streamed with a server-side cursor."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import psycopg

from ..models import VerifyResult
from .base import StoreError
from .chain import row_hash
from .pg_schema import row_select
from .reads import _logical

# Rows fetched from the server per round trip while walking.
WALK_CHUNK = 2000


def _bad(checked: int, seq: int | None, reason: str) -> VerifyResult:
    return VerifyResult(ok=False, checked=checked, first_bad_seq=seq, reason=reason)


def _row_problem(row: Sequence[Any], bad_attrs: set[bytes]) -> str | None:
    """Return why a row's attribute sets are not what its hash covered, if they are not."""
    old_h, new_h = row[23], row[24]
    if (old_h is not None and bytes(old_h) in bad_attrs) or (
        new_h is not None and bytes(new_h) in bad_attrs
    ):
        return "attributes_altered"
    if (row[25] is not None and old_h is None) or (row[26] is not None and new_h is None):
        return "attributes_missing"
    return None


def _unbridged(first: int, end: int, bridges: dict[int, Any]) -> int | None:
    """Return the first seq in [first, end) neither read nor bridged (retention's late rows)."""
    return next((seq for seq in range(first, end) if seq not in bridges), None)


def _check(
    row: Sequence[Any], anchor: bytes, link: bytes | None, bad_attrs: set[bytes]
) -> tuple[str | None, bytes]:
    """Check one row against the chain so far; return what is wrong (or None) and its hash."""
    if link is not None and bytes(link) != anchor:
        return "partition_link_broken", anchor
    problem = _row_problem(row, bad_attrs)
    if problem is not None:
        return problem, anchor
    anchor = row_hash(anchor, _logical(row)[1])
    return ("hash_mismatch" if anchor != bytes(row[20]) else None), anchor


class _Facts(NamedTuple):
    """What a walk checks rows against: the head, altered attribute sets, bridges, links."""

    head: int
    bad_attrs: set[bytes]
    bridges: dict[int, Any]
    links: dict[int, bytes]


def _facts(
    conn: psycopg.Connection[tuple[Any, ...]],
    instance: str,
    months: Sequence[tuple[str, int, bytes]],
) -> _Facts:
    """Read what the walk needs besides the rows: head, attribute sets, bridges, links."""
    head_row = conn.execute("SELECT seq FROM heads WHERE instance = %s", (instance,)).fetchone()
    bad_attrs = {
        bytes(h)
        for h, text in conn.execute("SELECT hash, json FROM attrs WHERE instance = %s", (instance,))
        if hashlib.sha256(str(text).encode()).digest() != bytes(h)
    }
    bridges = dict(
        conn.execute("SELECT seq, hash FROM bridges WHERE instance = %s", (instance,)).fetchall()
    )
    links = {first: bytes(prev) for _, first, prev in months}
    return _Facts(int(head_row[0]) if head_row else 0, bad_attrs, bridges, links)


def walk(
    conn: psycopg.Connection[tuple[Any, ...]],
    instance: str,
    months: Sequence[tuple[str, int, bytes]],
    floor_us: int,
    from_seq: int | None,
    stopped: Callable[[], bool],
) -> VerifyResult:
    """Check every kept row of an instance (or from a seq); report the first that differs."""
    facts = _facts(conn, instance, months)
    if not months:
        if facts.head:
            return _bad(0, facts.head, "partition_metadata_missing")
        return VerifyResult(ok=True, checked=0)
    anchor, expected = months[0][2], months[0][1]
    if from_seq is not None and from_seq > expected:
        before = conn.execute(
            "SELECT seq, hash FROM log WHERE instance = %s AND seq < %s AND time_us >= %s"
            " ORDER BY seq DESC LIMIT 1",
            (instance, from_seq, floor_us),
        ).fetchone()
        if before is not None:
            anchor, expected = bytes(before[1]), int(before[0]) + 1
    with conn.transaction(), conn.cursor(name="audit_trail_verify") as cur:
        cur.itersize = WALK_CHUNK
        cur.execute(
            row_select("(SELECT * FROM log WHERE instance = %s AND seq >= %s AND time_us >= %s)")
            + " ORDER BY l.seq",
            (instance, expected, floor_us),
        )
        return _walk_rows(cur, facts, anchor, expected, stopped)


def _walk_rows(
    rows: Iterable[Sequence[Any]],
    facts: _Facts,
    anchor: bytes,
    expected: int,
    stopped: Callable[[], bool],
) -> VerifyResult:
    """Check rows in seq order from an anchor; report the first that differs."""
    checked = 0
    for row in rows:
        if stopped():
            raise StoreError("verification stopped: the store was closed")
        seq = int(row[0])
        if seq != expected:
            missing = _unbridged(expected, seq, facts.bridges)
            if missing is not None:
                return _bad(checked, missing, "row_missing")
            anchor = bytes(facts.bridges[seq - 1])
        problem, anchor = _check(row, anchor, facts.links.get(seq), facts.bad_attrs)
        if problem is not None:
            return _bad(checked, seq, problem)
        expected = seq + 1
        checked += 1
    missing = _unbridged(expected, facts.head + 1, facts.bridges)
    if missing is not None:  # rows after the last one read were taken away
        return _bad(checked, missing, "row_missing")
    return VerifyResult(ok=True, checked=checked)
