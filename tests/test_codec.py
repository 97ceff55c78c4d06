"""Pure tests: the compact stored form of a row reads back exactly (the hash depends on it)."""

from __future__ import annotations

import uuid

from homeassistant.util.ulid import bytes_to_ulid, ulid_now
from hypothesis import given
from hypothesis import strategies as st

from custom_components.audit_trail.store.codec import (
    compact_cause,
    expand_cause,
    pack_delta,
    pack_hex,
    pack_ulid,
    unpack_delta,
    unpack_hex,
    unpack_ulid,
)

ulids = st.integers(0, 2**128 - 1).map(lambda i: bytes_to_ulid(i.to_bytes(16)))
ids = st.none() | st.text(max_size=30) | ulids | st.just("0" * 26)
user_ids = st.none() | st.text(max_size=40) | st.uuids().map(lambda u: u.hex)
ids_upper = st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZabc", min_size=26, max_size=26)


@given(ids | ids_upper)
def test_context_ids_round_trip(value: str | None) -> None:
    assert unpack_ulid(pack_ulid(value)) == value


def test_ulids_are_stored_as_16_bytes() -> None:
    assert isinstance(pack_ulid(ulid_now()), bytes)
    assert len(pack_ulid(ulid_now()) or b"") == 16
    assert pack_ulid("not-a-ulid") == "not-a-ulid"
    assert isinstance(pack_ulid(ulid_now().lower()), str)


@given(user_ids | st.text(alphabet="0123456789abcdefABCDEF", min_size=32, max_size=32))
def test_user_ids_round_trip(value: str | None) -> None:
    assert unpack_hex(pack_hex(value)) == value


def test_user_ids_are_stored_as_16_bytes() -> None:
    assert len(pack_hex(uuid.uuid4().hex) or b"") == 16
    assert pack_hex("F" * 32) == "F" * 32


cause_keys = st.sampled_from(["kind", "context_id", "run_id", "parent_id", "user_id", "name"])


@given(
    st.dictionaries(cause_keys, st.text(max_size=4), max_size=6),
    st.none() | st.text(max_size=4),
    st.none() | st.text(max_size=4),
)
def test_causes_round_trip(
    cause: dict[str, str], context_id: str | None, parent: str | None
) -> None:
    stored = compact_cause(cause, context_id, parent)
    assert expand_cause(stored, context_id, parent) == cause


def test_equal_causes_of_different_runs_compact_to_one() -> None:
    a = {"kind": "automation", "entity_id": "automation.x", "context_id": "A", "run_id": "A"}
    b = {"kind": "automation", "entity_id": "automation.x", "context_id": "B", "run_id": "B"}
    assert compact_cause(a, "A", None) == compact_cause(b, "B", None)
    assert compact_cause(a, "A", None) == {"kind": "automation", "entity_id": "automation.x"}


@given(st.none() | st.integers(-(2**62), 2**62), st.integers(0, 2**60))
def test_time_deltas_round_trip(value: int | None, base: int) -> None:
    assert unpack_delta(pack_delta(value, base), base) == value
