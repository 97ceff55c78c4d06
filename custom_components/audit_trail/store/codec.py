"""Pure: the compact stored form of a row's values, and the exact way back.

The hash chain covers a row's logical values; these functions only change how they are kept,
and every one of them round-trips exactly (the store's tests check it with Hypothesis).
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.util.ulid import bytes_to_ulid, ulid_to_bytes

_UUID_HEX_LEN: Final = 32
_BLOB_LEN: Final = 16


def pack_ulid(value: str | None) -> str | bytes | None:
    """Return a context id as 16 bytes when it is a ULID that reads back the same, else as is."""
    if value is None:
        return None
    try:
        packed = ulid_to_bytes(value)
    except ValueError:
        return value
    return packed if bytes_to_ulid(packed) == value else value


def unpack_ulid(value: str | bytes | None) -> str | None:
    """Return the context id pack_ulid stored."""
    if isinstance(value, bytes):
        return bytes_to_ulid(value)
    return value


def pack_hex(value: str | None) -> str | bytes | None:
    """Return a user id (lowercase uuid hex) as 16 bytes, anything else as is."""
    if value is None or len(value) != _UUID_HEX_LEN:
        return value
    try:
        packed = bytes.fromhex(value)
    except ValueError:
        return value
    return packed if packed.hex() == value else value


def unpack_hex(value: str | bytes | None) -> str | None:
    """Return the user id pack_hex stored."""
    if isinstance(value, bytes) and len(value) == _BLOB_LEN:
        return value.hex()
    if isinstance(value, bytes):  # pragma: no cover - never written
        return value.decode(errors="replace")
    return value


# Keys of a cause that usually repeat the row's own context ids, and which id each repeats.
_ROW_KEYS: Final = (("context_id", 0), ("run_id", 0), ("parent_id", 1))


def compact_cause(
    cause: dict[str, Any], context_id: str | None, parent_id: str | None
) -> dict[str, Any]:
    """Drop the cause's copies of the row's context ids, so equal causes are stored once.

    A key that equals the row's id is left out; a key the cause lacks while the row has an id
    is kept as null, so expand_cause can tell the two apart.
    """
    out = dict(cause)
    row = (context_id, parent_id)
    for key, which in _ROW_KEYS:
        if row[which] is None:
            continue
        if key not in out:
            out[key] = None
        elif out[key] == row[which]:
            del out[key]
    return out


def expand_cause(
    stored: dict[str, Any], context_id: str | None, parent_id: str | None
) -> dict[str, Any]:
    """Return the cause compact_cause was given."""
    out = dict(stored)
    row = (context_id, parent_id)
    for key, which in _ROW_KEYS:
        if row[which] is None:
            continue
        if key not in out:
            out[key] = row[which]
        elif out[key] is None:
            del out[key]
    return out


def pack_delta(value: int | None, base: int) -> int | None:
    """Return a time as its difference to a base (0 costs no bytes in SQLite)."""
    return None if value is None else value - base


def unpack_delta(value: int | None, base: int) -> int | None:
    """Return the time pack_delta stored."""
    return None if value is None else value + base
