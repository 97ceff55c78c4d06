"""The PostgreSQL backend beside the SQLite one, same rows, same run (bench/run.py --only pg).

Needs the server scripts/lib.sh's ensure_postgres starts (scripts/bench does): the store writes
as the writer role into a fresh schema that is dropped afterwards.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from itertools import islice
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg import sql

from custom_components.audit_trail.models import Record
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.postgres import PostgresStore

Row = tuple[str, str, str, str]
LAST_INGEST: dict[int, float] = {}  # rows/s of the last ingest per size, for the recorder row
BATCH = 1000


def server_version() -> str:
    """Return the server's version, for the machine line."""
    with closing(psycopg.connect(os.environ["AUDIT_TRAIL_PG_OWNER_URL"])) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0] if row else '?'}"


@contextmanager
def schema() -> Iterator[tuple[str, str]]:
    """Yield (writer URL, owner URL) into a fresh schema, dropped afterwards."""
    owner, writer = os.environ["AUDIT_TRAIL_PG_OWNER_URL"], os.environ["AUDIT_TRAIL_PG_URL"]
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with closing(psycopg.connect(owner, autocommit=True)) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    option = "?options=" + quote(f"-csearch_path={name}")
    try:
        yield writer + option, owner + option
    finally:
        with closing(psycopg.connect(owner, autocommit=True)) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


def ingest(store: Any, recs: Iterable[Record]) -> tuple[float, float]:  # noqa: ANN401
    """Append records in 1,000-row transactions; return (rows/s, writer CPU µs per row).

    Records are made as they are written (10M of them do not fit in memory), so the figures
    include making them, as the SQLite backend's do.
    """
    cpu0, t0 = time.process_time(), time.perf_counter()
    count = 0
    it = iter(recs)
    while batch := list(islice(it, BATCH)):
        store.append(batch, Policy())
        count += len(batch)
    secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return count / secs, cpu / count * 1e6


def vacuum(owner_url: str) -> float:
    """VACUUM ANALYZE the schema as its owner (autovacuum's work in a long-lived database)."""
    t0 = time.perf_counter()
    with closing(psycopg.connect(owner_url, autocommit=True)) as conn:
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - t0


def pg_size(owner_url: str) -> int:
    """Return the bytes of the log's partitions and side tables in the schema."""
    with closing(psycopg.connect(owner_url)) as conn:
        row = conn.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class AS c"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
        ).fetchone()
    return int(row[0]) if row and row[0] else 0


def insert_modes(make: Callable[[int], Iterator[Record]], n: int) -> list[Row]:
    """COPY against pipelined executemany INSERTs, same rows, interleaved, three times each."""
    got: dict[str, list[float]] = {"copy": [], "executemany": []}
    recs = list(make(n))
    for _ in range(3):
        for mode in got:
            with schema() as (writer, owner):
                store = PostgresStore(writer, owner_url=owner, insert_mode=mode)
                store.open()
                got[mode].append(ingest(store, recs)[0])
                store.close()
    copy, many = (statistics.median(got[m]) for m in ("copy", "executemany"))
    return [
        (f"PostgreSQL ingest, COPY vs pipelined INSERTs, {n:,} rows (rows/s)", f"COPY {copy:,.0f}", f"executemany {many:,.0f}", f"{copy / many:.2f}x"),
    ]  # fmt: skip


def section(
    n: int,
    make: Callable[[int], Iterator[Record]],
    lite: tuple[float, float],
    queries: Callable[[Callable[[], Any] | None], tuple[list[Row], Any]],
) -> list[Row]:
    """Ingest n rows into PostgreSQL; ask it the questions the SQLite store (lite) is asked."""
    lite_rate, lite_cpu = lite
    out: list[Row] = []
    with schema() as (writer, owner):
        store = PostgresStore(writer, owner_url=owner)
        store.open()
        rate, cpu = ingest(store, make(n))
        store.close()
        LAST_INGEST[n] = rate
        label = f"{n / 1e6:g}M rows"
        out.append((f"PostgreSQL VACUUM ANALYZE after the ingest, {label} (s)", f"{vacuum(owner):.1f}", "-", "-"))  # fmt: skip
        out += [
            (f"PostgreSQL sustained ingest, 1,000-row transactions (COPY), {label} (rows/s)", f"{rate:,.0f}", f"SQLite backend {lite_rate:,.0f}", f"{rate / lite_rate:.2f}x (target 0.8x)"),
            (f"PostgreSQL writer CPU per change (client side), {label} (µs)", f"{cpu:.0f}", f"SQLite backend {lite_cpu:.0f}", "-"),
            (f"PostgreSQL bytes per change (tables and indexes), {label}", f"{pg_size(owner) / n:.0f}", "-", "-"),
        ]  # fmt: skip

        def opener() -> PostgresStore:
            found = PostgresStore(writer, owner_url=owner)
            found.open()
            found.latest_states()
            return found

        pg_rows, _ = queries(opener)
        lite_rows, _ = queries(None)
        for (what, ours, target, _), (_, theirs, _, _) in zip(pg_rows, lite_rows, strict=True):
            out.append((f"PostgreSQL {what}", ours, f"SQLite {theirs}; {target}", "-"))
    return out


def _reset_recorder_db(url: str) -> None:
    """Give the recorder's database an empty public schema (its owner may)."""
    with closing(psycopg.connect(url, autocommit=True)) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


async def recorder_burst(n: int, entities: int) -> tuple[float, int]:
    """Fire n changes into a Home Assistant whose recorder writes to the same PostgreSQL.

    Returns (changes/s from the first change until the recorder committed the last, rows the
    recorder stored). psycopg 3 through SQLAlchemy's postgresql+psycopg dialect.
    """
    import asyncio

    from homeassistant.helpers import recorder as recorder_helper
    from homeassistant.setup import async_setup_component
    from pytest_homeassistant_custom_component.common import (
        async_test_home_assistant,
    )

    url = os.environ["AUDIT_TRAIL_PG_RECORDER_URL"]
    _reset_recorder_db(url)
    db_url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    with tempfile.TemporaryDirectory() as tmp:
        async with async_test_home_assistant(config_dir=tmp) as hass:
            recorder_helper.async_initialize_recorder(hass)
            config = {"recorder": {"db_url": db_url, "commit_interval": 1}}
            if not await async_setup_component(hass, "recorder", config):
                raise SystemExit("the recorder did not load on PostgreSQL")
            await hass.async_block_till_done()
            instance = recorder_helper.get_instance(hass)
            await instance.async_block_till_done()
            t0 = time.perf_counter()
            for i in range(0, n, 100):
                for j in range(i, min(n, i + 100)):
                    hass.states.async_set(f"sensor.x{j % entities}", str(j), {"unit_of_measurement": "W"})  # fmt: skip
                await asyncio.sleep(0)
            await instance.async_block_till_done()
            secs = time.perf_counter() - t0
            await hass.async_stop(force=True)
    with closing(psycopg.connect(url)) as conn:
        row = conn.execute(
            "SELECT count(*) FROM states JOIN states_meta USING (metadata_id)"
            " WHERE states_meta.entity_id LIKE 'sensor.x%'"
        ).fetchone()
    _reset_recorder_db(url)
    return n / secs, int(row[0]) if row else 0


def recorder_rows(n: int, rate: float, found: int, ours: float) -> list[Row]:
    """Rows for the recorder on PostgreSQL beside the PostgreSQL backend's ingest."""
    return [
        (f"Recorder on the same PostgreSQL: burst of {n:,} changes, changes/s until committed", f"{rate:,.0f} ({found:,} stored)", f"PostgreSQL backend ingest {ours:,.0f} rows/s", f"{ours / rate:.2f}x (target 5x)"),
    ]  # fmt: skip
