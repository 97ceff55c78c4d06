"""Pure tests of canonical encoding, attribute filtering and the recording policy."""

from __future__ import annotations

import datetime as dt
import enum

from hypothesis import given
from hypothesis import strategies as st

from custom_components.audit_trail.const import DEFAULT_OPTIONS
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.chain import (
    canonical_json,
    encode_attributes,
    filter_attributes,
    row_hash,
)


class Colour(enum.Enum):
    RED = "red"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_canonical_json_is_deterministic_and_never_raises(value: object) -> None:
    assert canonical_json(value) == canonical_json(value)
    assert row_hash(b"\x00" * 32, (value,)) == row_hash(b"\x00" * 32, (value,))


def test_odd_values_have_a_stable_encoding() -> None:
    value = {
        "set": frozenset({2, 1}),
        "tuple": (1, 2),
        "enum": Colour.RED,
        "date": dt.date(2026, 1, 2),
        "delta": dt.timedelta(minutes=1),
        "bytes": b"\x01",
        2: "int key",
        "huge": 2**70,
    }
    assert canonical_json(value) == (
        b'{"2":"int key","bytes":"01","date":"2026-01-02","delta":60.0,"enum":"red",'
        b'"huge":1180591620717411303424,"set":[1,2],"tuple":[1,2]}'
    )
    deep: list[object] = []
    deep.append(deep)  # a cycle: recorded as a marker, never an exception
    assert canonical_json({"x": deep}).startswith(b'{"_repr":')


def test_encode_attributes_marks_oversize_sets() -> None:
    text, digest = encode_attributes({"a": 1}, 100)
    assert text == b'{"a":1}'
    assert len(digest) == 32
    big, _ = encode_attributes({"a": "x" * 200}, 100)
    assert b"_audit_trail_truncated" in big


def test_filter_attributes_levels() -> None:
    attrs = {"a": 1, "b": 2, "latitude": 3}
    sel, exc = frozenset({"a", "latitude"}), frozenset({"latitude"})
    assert filter_attributes(attrs, "full", sel, exc) == {"a": 1, "b": 2}
    assert filter_attributes(attrs, "selected", sel, exc) == {"a": 1}
    assert filter_attributes(attrs, "transitions", sel, exc) is None
    assert filter_attributes({"a": 1}, "full", sel, exc) == {"a": 1}


def test_policy_include_exclude_and_levels() -> None:
    policy = Policy.from_options(
        {
            **DEFAULT_OPTIONS,
            "include_domains": ["light"],
            "include_entities": ["switch.kettle"],
            "include_globs": ["sensor.*_temperature"],
            "exclude_globs": ["light.*_test"],
            "transitions_only": ["sensor"],
            "selected_only": ["light.kitchen"],
        }
    )
    assert policy.tracks("light.kitchen")
    assert not policy.tracks("light.lab_test")
    assert policy.tracks("switch.kettle")
    assert not policy.tracks("switch.other")
    assert policy.tracks("sensor.hall_temperature")
    assert not policy.tracks("sensor.hall_humidity")
    assert policy.level("sensor.hall_temperature") == "transitions"
    assert policy.level("light.kitchen") == "selected"
    assert policy.level("light.hall") == "full"
    assert Policy.from_options({}).tracks("anything.at_all")
