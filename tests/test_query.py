"""Time inputs, and paging completeness as a property over arbitrary logs and page sizes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custom_components.audit_trail.models import ET_STATE_CHANGED, KIND_DEVICE, Cause, Record
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.query import TimeParseError, iso, parse_time, to_us
from custom_components.audit_trail.store.sqlite import SqliteStore

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-30s", NOW - timedelta(seconds=30)),
        ("-15m", NOW - timedelta(minutes=15)),
        ("-2h", NOW - timedelta(hours=2)),
        ("-3d", NOW - timedelta(days=3)),
        ("-1d 2h", NOW - timedelta(days=1, hours=2)),
        ("- 1w 30s", NOW - timedelta(weeks=1, seconds=30)),
        ("2026-11-21T03:00:00+01:00", datetime(2026, 11, 21, 2, 0, tzinfo=UTC)),
        ("2026-11-21 03:00:00", datetime(2026, 11, 21, 2, 0, tzinfo=UTC)),  # naive: local time
        ("2026-07-21 03:00", datetime(2026, 7, 21, 1, 0, tzinfo=UTC)),  # summer time
    ],
)
def test_time_inputs(text: str, expected: datetime) -> None:
    assert parse_time(text, NOW, AMS) == expected


@pytest.mark.parametrize("text", ["yesterday", "-", "-5x", "2026-13-01", "+2h", ""])
def test_bad_time_inputs(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_time(text, NOW, AMS)


def test_datetime_objects_and_output_format() -> None:
    naive = datetime(2026, 1, 1, 12, 0)  # noqa: DTZ001 - a naive time is the point
    assert parse_time(naive, NOW, AMS) == datetime(2026, 1, 1, 11, 0, tzinfo=UTC)
    assert iso(to_us(datetime(2026, 1, 1, tzinfo=UTC))) == "2026-01-01T00:00:00.000000+00:00"
    assert to_us(datetime(2026, 1, 1)) == to_us(datetime(2026, 1, 1, tzinfo=UTC))  # noqa: DTZ001
    assert iso(None) is None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(["light.a", "light.b", "sensor.c"]), min_size=0, max_size=60),
    st.integers(min_value=1, max_value=17),
    st.sets(st.sampled_from(["light.a", "light.b", "sensor.c"]), min_size=1),
)
def test_paging_returns_every_row_exactly_once(
    tmp_path_factory: pytest.TempPathFactory, entities: list[str], limit: int, wanted: set[str]
) -> None:
    store = SqliteStore(Path(tmp_path_factory.mktemp("paging")))
    store.open()
    t0 = 1_780_000_000_000_000
    # Months apart, so pages cross partitions too.
    records = [
        Record(
            ref=i + 1,
            time_us=t0 + i * 86_400_000_000 * 3,
            event_type=ET_STATE_CHANGED,
            cause=Cause(KIND_DEVICE),
            entity_id=e,
            new_state=str(i),
        )  # fmt: skip
        for i, e in enumerate(entities)
    ]
    if records:
        store.append(records, Policy())
    # New months start with checkpoint rows, which take seqs too: compare what was written.
    expected = [str(i) for i, e in enumerate(entities) if e in wanted]
    seen: list[str] = []
    seqs: list[int] = []
    cursor = 0
    while True:
        page = store.history(sorted(wanted), 0, 2**62, None, cursor, limit)
        seen += [r.new_state or "" for r in page]
        seqs += [r.seq for r in page]
        if len(page) < limit:
            break
        cursor = page[-1].seq
    store.close()
    assert seen == expected
    assert seqs == sorted(set(seqs))
