"""The spool and the copy, beside their anchors in the same run.

    run_oldest python bench/spool_bench.py [rows]    (needs scripts/lib.sh's ensure_postgres)

Anchors: appending straight to PostgreSQL and to SQLite. Figures: spooling during an outage,
forwarding the spool once the server is back, and copying the SQLite log into PostgreSQL.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pg_bench import schema
from custom_components.audit_trail.models import (
    ET_STATE_CHANGED,
    KIND_DEVICE,
    Cause,
    Record,
)
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.copy import copy_into
from custom_components.audit_trail.store.postgres import PostgresStore
from custom_components.audit_trail.store.spool import Spool
from custom_components.audit_trail.store.spooling import SpoolingStore
from custom_components.audit_trail.store.sqlite import SqliteStore

POLICY = Policy.from_options({})
BATCH = 1000
T0 = 1_780_000_000_000_000
DEAD = "postgresql://x:y@127.0.0.1:1/none?connect_timeout=1"


def records(count: int) -> list[Record]:
    """Return a home's worth of changes: 200 entities, a few attributes each."""
    return [
        Record(
            ref=i + 1,
            time_us=T0 + i * 1000,
            event_type=ET_STATE_CHANGED,
            cause=Cause(kind=KIND_DEVICE),
            entity_id=f"sensor.s{i % 200}",
            old_state=str(i - 200),
            new_state=str(i),
            new_attributes={"unit_of_measurement": "W", "friendly_name": f"S {i % 200}", "v": i},
            last_changed_us=T0 + i * 1000,
            last_updated_us=T0 + i * 1000,
        )
        for i in range(count)
    ]


def rate(label: str, count: int, work: Callable[[], object]) -> float:
    """Run work, print and return its rows per second."""
    start = time.perf_counter()
    work()
    per_s = count / (time.perf_counter() - start)
    print(f"  {label:<52} {per_s:>10,.0f} rows/s")
    return per_s


def in_batches(store: object, recs: list[Record]) -> None:
    """Append in 1,000-row batches, as the writer does."""
    for i in range(0, len(recs), BATCH):
        store.append(recs[i : i + BATCH], POLICY)  # type: ignore[attr-defined]


def main(count: int) -> None:
    """Measure the anchors, then the spool and the copy."""
    recs = records(count)
    print(f"spool and copy, {count:,} rows, batches of {BATCH:,}")
    with tempfile.TemporaryDirectory() as tmp, schema() as (writer, owner):
        sqlite = SqliteStore(Path(tmp) / "log")
        sqlite.open()
        rate("anchor: SQLite append", count, lambda: in_batches(sqlite, recs))
        direct = PostgresStore(writer, "direct", owner)
        direct.open()
        rate("anchor: PostgreSQL append", count, lambda: in_batches(direct, recs))
        direct.close()

        up = {"on": False}
        spooling = SpoolingStore(
            lambda: PostgresStore(writer if up["on"] else DEAD, "spooled", owner),
            Spool(Path(tmp) / "spool.db", 10 * count, 1 << 40),
            lambda _: None,
        )
        spooling.open()
        spooling.prepare(POLICY)
        rate("spooling while the server is away", count, lambda: in_batches(spooling, recs))
        up["on"] = True
        rate("forwarding the spool when it is back", count, lambda: spooling.retry(POLICY))
        if not spooling.verify().ok:
            raise SystemExit("the forwarded spool does not verify")
        spooling.close()

        target = PostgresStore(writer, "copied", owner)
        target.open()
        result = copy_into(sqlite, target)
        print(
            f"  {'copying the SQLite log into PostgreSQL (and verify)':<52} "
            f"{result.rows / result.seconds:>10,.0f} rows/s  ({result.rows:,} rows)"
        )
        target.close()
        sqlite.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
