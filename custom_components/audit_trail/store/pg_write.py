"""The PostgreSQL backend's write path: hash rows onto the chain, intern in bulk, COPY them."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import psycopg

from ..const import MAX_ATTRIBUTES_BYTES, PAYLOAD_VERSION
from ..models import Record
from ..policy import Policy
from .chain import canonical_json, encode_attributes, kept_attributes
from .codec import compact_cause, pack_delta
from .pg_schema import LOG_COLUMNS, intern_sql

# Store-once ids remembered per table: a home's distinct attribute sets in use at once.
ID_CACHE_MAX = 50_000
# Capture refs remembered to turn causation_ref into causation_seq (as the SQLite backend).
REF_CACHE_MAX = 100_000
INSERT_MODES = ("copy", "executemany")

_COPY = f"COPY log ({', '.join(LOG_COLUMNS)}) FROM STDIN"
_INSERT = (
    f"INSERT INTO log ({', '.join(LOG_COLUMNS)}) VALUES ({', '.join(['%s'] * len(LOG_COLUMNS))})"
)


def _digest(value: Any) -> bytes:  # noqa: ANN401
    return hashlib.sha256(canonical_json(value)).digest()


class _Batch:
    """The store-once keys a batch needs ids for, and its rows waiting for them."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.metas: set[tuple[str | None, ...]] = set()
        self.causes: set[str] = set()
        self.attrs: dict[bytes, bytes] = {}
        self.rows: list[tuple[Any, ...]] = []


class PgWriteMixin:
    """Turning records into log rows: values, store-once ids, and the write itself."""

    instance: str
    insert_mode: str
    _ids: dict[str, dict[Any, int]]
    _last_attrs: dict[str, tuple[Mapping[str, Any], bytes | None, bytes]]
    _ref_seq: OrderedDict[int, int]

    def _write_rows(
        self, conn: psycopg.Connection[tuple[Any, ...]], rows: list[tuple[Any, ...]]
    ) -> None:
        """Write log rows with one COPY, or with pipelined INSERTs (measured by the bench)."""
        with conn.cursor() as cur:
            if self.insert_mode == "copy":
                with cur.copy(_COPY) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cur.executemany(_INSERT, rows)

    def _causation(self, record: Record, seq: int) -> int | None:
        if record.ref:
            if len(self._ref_seq) >= REF_CACHE_MAX:
                self._ref_seq.popitem(last=False)
            self._ref_seq[record.ref] = seq
        if record.causation_seq is None and record.causation_ref is not None:
            return self._ref_seq.get(record.causation_ref)
        return record.causation_seq

    def _attrs(
        self,
        attributes: Mapping[str, Any] | None,
        entity_id: str | None,
        policy: Policy,
        batch: _Batch,
    ) -> bytes | None:
        """Return an attribute set's content hash, queueing the set for interning."""
        if attributes is None:
            return None
        # The same (read-only) mapping is handed on while attributes do not change.
        cached = None if entity_id is None else self._last_attrs.get(entity_id)
        if cached is not None and cached[0] is attributes:
            digest, text = cached[1], cached[2]
        else:
            kept = kept_attributes(attributes, entity_id, policy)
            digest, text = None, b""
            if kept is not None:
                text, digest = encode_attributes(kept, MAX_ATTRIBUTES_BYTES)
            if entity_id is not None:
                self._last_attrs[entity_id] = (attributes, digest, text)
        if digest is not None and digest not in self._ids["attrs"]:
            batch.attrs[digest] = text
        return digest

    def _values(
        self, record: Record, causation: int | None, policy: Policy, batch: _Batch
    ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Return (the logical values the hash covers after seq, the keys to store by id)."""
        old = self._attrs(record.old_attributes, record.entity_id, policy, batch)
        new = self._attrs(record.new_attributes, record.entity_id, policy, batch)
        cause = canonical_json(
            compact_cause(record.cause.as_dict(), record.context_id, record.context_parent_id)
        ).decode()
        payload = None if record.payload is None else canonical_json(record.payload).decode()
        meta, actor = record.meta, record.cause.actor
        facts = (meta.registry_id, meta.device_id, meta.area_id, meta.platform)
        names = (record.event_type, record.entity_id, actor)
        batch.names.update(n for n in names if n is not None and n not in self._ids["names"])
        if any(facts) and facts not in self._ids["metas"]:
            batch.metas.add(facts)
        if cause not in self._ids["causes"]:
            batch.causes.add(cause)
        hashed = (
            record.time_us, record.event_type, record.entity_id, *facts[:3], record.domain,
            facts[3], record.old_state, record.new_state,
            None if old is None else old.hex(), None if new is None else new.hex(),
            record.last_changed_us, record.last_updated_us, record.context_id,
            record.context_user_id, record.context_parent_id, actor, cause, causation,
            payload, PAYLOAD_VERSION,
        )  # fmt: skip
        return hashed, (names, facts, old, new, cause, causation, payload)

    def _intern(self, conn: psycopg.Connection[tuple[Any, ...]], batch: _Batch) -> None:
        """Give every new name, fact set, cause and attribute set of a batch its id at once."""
        wanted: dict[str, tuple[dict[Any, Any], list[list[Any]]]] = {}
        if batch.names:
            names = sorted(batch.names)
            wanted["names"] = ({n: n for n in names}, [names])
        if batch.metas:
            metas = sorted(batch.metas, key=repr)
            by = {_digest(list(m)): m for m in metas}
            wanted["metas"] = (by, [list(by), *([m[i] for m in by.values()] for i in range(4))])
        if batch.causes:
            causes = {_digest(c): c for c in sorted(batch.causes)}
            wanted["causes"] = (causes, [list(causes), list(causes.values())])
        if batch.attrs:
            wanted["attrs"] = (
                {d: d for d in batch.attrs},
                [list(batch.attrs), [t.decode() for t in batch.attrs.values()]],
            )
        for table, (by_key, arrays) in wanted.items():
            ids = self._ids[table]
            if len(ids) + len(by_key) > ID_CACHE_MAX:
                ids.clear()
            params = (self.instance, *arrays, self.instance, arrays[0])
            for key, found in conn.execute(intern_sql(table), params):
                ids[by_key[bytes(key) if isinstance(key, (bytes, memoryview)) else key]] = int(
                    found
                )

    def _stored(
        self, seq: int, record: Record, keys: tuple[Any, ...], digest: bytes
    ) -> tuple[Any, ...]:
        """Return a row's stored columns (ids for what is stored once), in LOG_COLUMNS order."""
        (event_type, entity, actor), facts, old, new, cause, causation, payload = keys
        names, attrs = self._ids["names"], self._ids["attrs"]
        time_us, updated = record.time_us, record.last_updated_us
        return (
            self.instance, seq, time_us, names[event_type],
            None if entity is None else names[entity],
            self._ids["metas"][facts] if any(facts) else None,
            record.old_state, record.new_state,
            None if old is None else attrs[old], None if new is None else attrs[new],
            pack_delta(record.last_changed_us, updated if updated is not None else time_us),
            pack_delta(updated, time_us),
            record.context_id, record.context_user_id, record.context_parent_id,
            None if actor is None else names[actor], self._ids["causes"][cause],
            causation, payload, PAYLOAD_VERSION, digest,
        )  # fmt: skip
