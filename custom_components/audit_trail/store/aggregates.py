"""Counting reads of the SQLite backend: timeline buckets and activity by actor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from ..models import TIMELINE_EVENT_TYPES, Bucket
from .reads import ReadMixin, decode_row, month_of
from .schema import ROW_SELECT

TIMELINE_TYPES = orjson.dumps(TIMELINE_EVENT_TYPES).decode()

_BUCKETS = """
SELECT (l.time_us - ? - 1) / ?, count(*), max(l.seq)
FROM log AS l
WHERE l.time_us > ? AND l.time_us <= ?
  AND l.entity IN (SELECT n.id FROM names AS n JOIN json_each(?) AS j ON n.name = j.value)
  AND l.event_type IN (SELECT n.id FROM names AS n JOIN json_each(?) AS j ON n.name = j.value)
GROUP BY l.entity, 1
"""
_ACTORS = """
SELECT ac.name, en.name, count(*)
FROM log AS l JOIN names AS ac ON ac.id = l.actor JOIN names AS en ON en.id = l.entity
WHERE l.actor IS NOT NULL AND l.time_us BETWEEN ? AND ?
GROUP BY l.actor, l.entity
"""


class AggregateMixin(ReadMixin):
    """Reads that count rows in SQL, so a year-long window never loads its rows."""

    def _partitions_between(self, start_us: int, end_us: int) -> list[Any]:
        """Return the partitions that can hold rows in [start, end], oldest first."""
        first, last = month_of(start_us), month_of(end_us)
        return [p for p in self.partition_paths() if first <= p.stem.removeprefix("log-") <= last]

    def buckets(
        self, entity_ids: Sequence[str], start_us: int, end_us: int, width_us: int
    ) -> list[Bucket]:
        """Return per entity and bucket (start + i*width, start + (i+1)*width] count and newest."""
        found: dict[tuple[str, int], Bucket] = {}
        names = orjson.dumps(list(entity_ids)).decode()
        width = max(1, width_us)
        for path in self._partitions_between(start_us, end_us):
            with self._read(path) as conn:
                groups = conn.execute(
                    _BUCKETS, (start_us, width, start_us, end_us, names, TIMELINE_TYPES)
                ).fetchall()
                if not groups:
                    continue
                seqs = orjson.dumps([g[2] for g in groups]).decode()
                rows = conn.execute(
                    f"{ROW_SELECT} WHERE l.seq IN (SELECT value FROM json_each(?))", (seqs,)
                ).fetchall()
            by_seq = {r.seq: r for r in map(decode_row, rows)}
            for index, count, seq in groups:
                last = by_seq[seq]
                key = (str(last.entity_id), int(index))
                earlier = found.get(key)  # a bucket across a month boundary is in two files
                total = count + (earlier.count if earlier is not None else 0)
                found[key] = Bucket(key[0], key[1], total, last)
        return sorted(found.values(), key=lambda b: (b.entity_id, b.index))

    def actors(self, start_us: int, end_us: int) -> dict[str, dict[str, int]]:
        """Return, per actor with rows in [start, end], how many rows of each entity it made."""
        out: dict[str, dict[str, int]] = {}
        for path in self._partitions_between(start_us, end_us):
            with self._read(path) as conn:
                for actor, entity_id, count in conn.execute(_ACTORS, (start_us, end_us)):
                    per = out.setdefault(actor, {})
                    per[entity_id] = per.get(entity_id, 0) + count
        return out
