"""Pure: canonical encoding of rows and attributes, and the SHA-256 hash chain."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import orjson

if TYPE_CHECKING:
    from ..policy import Policy

# The chain's anchor before the very first row.
GENESIS: Final = b"\x00" * 32
_JSON_OPTS: Final = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
TRUNCATED_KEY: Final = "_audit_trail_truncated"


def _default(value: Any) -> Any:  # noqa: ANN401, PLR0911
    """Encode what JSON lacks; anything unknown becomes its repr, so encoding never fails."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (tuple, list)):
        return list(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return value.hex()
    return {"_repr": repr(value)[:1000]}


def canonical_json(value: Any) -> bytes:  # noqa: ANN401
    """Return canonical JSON: sorted keys, no spaces, UTF-8; never raises on odd values."""
    try:
        return orjson.dumps(value, default=_default, option=_JSON_OPTS)
    except (TypeError, orjson.JSONEncodeError):
        pass
    # Integers beyond 64 bits, or keys orjson cannot take: the standard library is slower but
    # takes any integer; keys become strings so they sort.
    try:
        return json.dumps(
            _string_keys(value),
            default=_default,
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
    except (TypeError, ValueError, RecursionError):
        return orjson.dumps({"_repr": repr(value)[:1000]}, option=_JSON_OPTS)


def _string_keys(value: Any, depth: int = 0) -> Any:  # noqa: ANN401
    """Return a copy whose mapping keys are strings (JSON's own rule), to a bounded depth."""
    if depth > 64:  # noqa: PLR2004 - deeper than any real attribute; stops cycles
        raise RecursionError
    if isinstance(value, Mapping):
        return {str(k): _string_keys(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_string_keys(v, depth + 1) for v in value]
    return value


def encode_attributes(attributes: Mapping[str, Any], max_bytes: int) -> tuple[bytes, bytes]:
    """Return (canonical JSON, SHA-256) of an attribute set; oversize sets become a marker."""
    text = canonical_json(attributes)
    if len(text) > max_bytes:
        text = canonical_json(
            {
                TRUNCATED_KEY: True,
                "bytes": len(text),
                "sha256": hashlib.sha256(text).hexdigest(),
                "keys": sorted(str(k) for k in attributes)[:100],
            }
        )
    return text, hashlib.sha256(text).digest()


def filter_attributes(
    attributes: Mapping[str, Any],
    level: str,
    selected: frozenset[str],
    excluded: frozenset[str],
) -> Mapping[str, Any] | None:
    """Apply a retention level and the exclusion list; None means no attributes are kept."""
    if level == "transitions":
        return None
    if level == "selected":
        return {k: v for k, v in attributes.items() if k in selected and k not in excluded}
    if excluded.isdisjoint(attributes):
        return attributes
    return {k: v for k, v in attributes.items() if k not in excluded}


def kept_attributes(
    attributes: Mapping[str, Any], entity_id: str | None, policy: Policy
) -> Mapping[str, Any] | None:
    """Return what a row keeps of an attribute set under the policy (both backends, the spool).

    A row of no entity (a gap's, a note's) keeps it whole; None means none is kept.
    """
    if entity_id is None:
        return attributes
    return filter_attributes(
        attributes,
        policy.level(entity_id),
        policy.selected_attributes,
        policy.excluded_attributes,
    )


def row_hash(prev_hash: bytes, fields: tuple[Any, ...]) -> bytes:
    """Hash a row's stored fields (attribute sets by their content hash) onto the chain."""
    return hashlib.sha256(prev_hash + canonical_json(fields)).digest()
