"""Audit Trail benchmarks: figures side by side with their anchors, printed as a markdown table.

Run through `scripts/bench` (newest Home Assistant); `--quick` is the small smoke size CI runs.
Every figure is measured in this run, on this machine; repeats give median and min-max.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import os
import platform
import random
import shutil
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson
from homeassistant import loader
from homeassistant.components.recorder import history
from homeassistant.const import __version__ as HA_VERSION  # noqa: N812
from homeassistant.core import Context, Event, HomeAssistant, State, callback
from homeassistant.helpers import recorder as recorder_helper
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.ulid import ulid_at_time, ulid_to_bytes
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
)

from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN, STORE_DIRNAME
from custom_components.audit_trail.models import (
    ET_STATE_CHANGED,
    KIND_AUTOMATION,
    KIND_DEVICE,
    Cause,
    EntityMeta,
    Record,
)
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.sqlite import SqliteStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pg_bench

Row = tuple[str, str, str, str]  # what, audit trail, anchor, ratio


def machine() -> str:
    """Describe the machine and the software versions."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; "
        f"Home Assistant {HA_VERSION}; SQLite {sqlite3.sqlite_version}"
    )


def spread(values: list[float], fmt: str = "{:.1f}") -> str:
    """Return 'median (min-max)'."""
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def pct(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- 1. Home Assistant side by side: loop cost, time to durable, bytes on disk ------------------
CONFIGS = ("alone", "trivial", "recorder", "audit", "both")


async def side_by_side(changes: int, repeats: int) -> list[Row]:
    """Each configuration in a fresh Home Assistant, interleaved over the repeats."""
    loop: dict[str, list[float]] = {c: [] for c in CONFIGS}
    durable: dict[str, list[float]] = {c: [] for c in CONFIGS}
    size: dict[str, list[float]] = {c: [] for c in CONFIGS}
    for _ in range(repeats):
        for name in CONFIGS:
            us, secs, nbytes = await _one_home(name, changes)
            loop[name].append(us)
            durable[name].append(secs)
            size[name].append(nbytes / changes)
    base = statistics.median(loop["alone"])

    def added(name: str) -> float:
        return statistics.median(loop[name]) - base

    rate = {n: changes / statistics.median(durable[n]) for n in ("recorder", "audit")}
    return [
        ("Loop time per state change, Home Assistant alone (µs)", spread(loop["alone"]), "-", "-"),
        ("Loop time added per change vs recorder's (µs)", f"{added('audit'):.1f}", f"recorder {added('recorder'):.1f}", f"{added('audit') / added('recorder'):.2f}x"),
        ("Loop time added per change vs a trivial listener's (µs)", f"{added('audit'):.1f}", f"trivial {added('trivial'):.1f}", f"{added('audit') / added('trivial'):.2f}x"),
        ("Loop time added, recorder and Audit Trail together (µs)", f"{added('both'):.1f}", "-", "-"),
        (f"Burst of {changes:,} changes: changes/s until durable", f"{rate['audit']:,.0f}", f"recorder {rate['recorder']:,.0f}", f"{rate['audit'] / rate['recorder']:.2f}x"),
        ("Bytes on disk per change after stop (same workload)", f"{statistics.median(size['audit']):.0f}", f"recorder {statistics.median(size['recorder']):.0f}", f"{statistics.median(size['audit']) / statistics.median(size['recorder']):.2f}x"),
    ]  # fmt: skip


async def _one_home(name: str, changes: int) -> tuple[float, float, int]:  # noqa: C901
    """Return loop µs per change, seconds from first change to durable, and bytes written."""
    with tempfile.TemporaryDirectory() as tmp:
        async with async_test_home_assistant(config_dir=tmp) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            seen: list[Any] = []
            if name == "trivial":
                hass.bus.async_listen("state_changed", callback(lambda e: seen.append(e.data)))
            if name in ("recorder", "both"):
                await _setup_recorder(hass, tmp)
            entry = await _setup_audit(hass) if name in ("audit", "both") else None
            warmup = min(1000, changes)  # first calls pay for caches and lazy set-up
            for i in range(warmup):
                hass.states.async_set(f"sensor.w{i % 200}", str(i), {"unit_of_measurement": "W"})
            if name in ("recorder", "both"):
                await recorder_helper.get_instance(hass).async_block_till_done()
            if entry is not None:
                await hass.async_add_executor_job(entry.runtime_data.writer.flush, 60)
            t0 = time.perf_counter()
            for i in range(changes):
                hass.states.async_set(f"sensor.b{i % 200}", str(i), {"unit_of_measurement": "W"})
            loop_us = (time.perf_counter() - t0) / changes * 1e6
            if name in ("recorder", "both"):
                await recorder_helper.get_instance(hass).async_block_till_done()
            if entry is not None:
                await hass.async_add_executor_job(entry.runtime_data.writer.flush, 60)
            secs = time.perf_counter() - t0
            await hass.async_stop(force=True)  # both fold their WAL into the file on stop
            nbytes = 0
            if name == "recorder":
                nbytes = sum(p.stat().st_size for p in Path(tmp).glob("rec.db*"))
            elif name == "audit":
                nbytes = sum(p.stat().st_size for p in Path(tmp, "audit_trail").glob("log-*.db*"))
    return loop_us, secs, nbytes * changes // (changes + warmup)


async def _setup_recorder(hass: HomeAssistant, tmp: str) -> None:
    recorder_helper.async_initialize_recorder(hass)
    config = {"recorder": {"db_url": f"sqlite:///{tmp}/rec.db", "commit_interval": 1}}
    if not await async_setup_component(hass, "recorder", config):
        raise SystemExit("the recorder did not load: the figures would be meaningless")
    await hass.async_block_till_done()
    await recorder_helper.get_instance(hass).async_block_till_done()


async def _setup_audit(hass: HomeAssistant) -> MockConfigEntry:
    with socket.socket() as probe:  # http (a dependency) on a free loopback port, not 8123
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    if not await async_setup_component(
        hass, "http", {"http": {"server_host": "127.0.0.1", "server_port": port}}
    ):
        raise SystemExit("could not set up http for the benchmark")
    entry = MockConfigEntry(domain=DOMAIN, options=dict(DEFAULT_OPTIONS))
    entry.add_to_hass(hass)
    if not await hass.config_entries.async_setup(entry.entry_id):
        raise SystemExit("Audit Trail did not load: the figures would be meaningless")
    await hass.async_block_till_done()
    return entry


async def listener_cost(changes: int, repeats: int) -> list[Row]:
    """Audit Trail's state_changed listener alone, called with prepared events (µs per call)."""
    with tempfile.TemporaryDirectory() as tmp:
        async with async_test_home_assistant(config_dir=tmp) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            entry = await _setup_audit(hass)
            capture = entry.runtime_data.capture
            old, new = State("sensor.a", "1", {"u": "W"}), State("sensor.a", "2", {"u": "W"})
            events = [
                Event("state_changed", {"entity_id": f"sensor.a{i % 200}", "old_state": old, "new_state": new}, context=Context())
                for i in range(changes * (repeats + 1))
            ]  # fmt: skip
            runs = []
            for r in range(repeats + 1):
                chunk = events[r * changes : (r + 1) * changes]
                t0 = time.perf_counter()
                for event in chunk:
                    capture._async_state_changed(event)  # noqa: SLF001 - the hot path itself
                runs.append((time.perf_counter() - t0) / changes * 1e6)
                await hass.async_add_executor_job(entry.runtime_data.writer.flush, 60)
            await hass.config_entries.async_unload(entry.entry_id)
            await hass.async_stop(force=True)
    return [
        (
            "Capture listener alone, per change (µs; first run is warm-up)",
            spread(runs[1:], "{:.2f}"),
            "-",
            "-",
        )
    ]


# -- 2. burst: stall, queue depth, time to durable, completeness, memory -------------------------
def rss_mib() -> float:
    """Return this process's resident set size in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")  # pragma: no cover - not Linux


async def burst(n: int, entities: int) -> list[Row]:
    """Fire n changes as fast as the loop allows, Audit Trail and the recorder in turn."""
    alone = await _burst_home("alone", n, entities)
    audit = await _burst_home("audit", n, entities)
    rec = await _burst_home("recorder", n, entities)
    return [
        (f"Burst of {n:,}: longest stall above Home Assistant alone's (ms)", f"{audit[0] - alone[0]:.1f}", f"recorder {rec[0] - alone[0]:.1f}; alone's {alone[0]:.1f}", "target 50"),
        (f"Burst of {n:,}: longest event-loop stall (ms)", f"{audit[0]:.1f}", f"recorder {rec[0]:.1f}", "target 50"),
        (f"Burst of {n:,}: peak write queue depth", f"{audit[1]:,}", f"recorder {rec[1]:,}", "-"),
        (f"Burst of {n:,}: seconds until all durable", f"{audit[2]:.2f}", f"recorder {rec[2]:.2f}", f"{audit[2] / rec[2]:.2f}x"),
        (f"Burst of {n:,}: changes found in the store", f"{audit[3]:,}", f"recorder {rec[3]:,}", f"of {n:,}"),
        ("Memory (RSS) added by the integration after the burst (MiB)", f"{audit[4]:.1f}", f"recorder {rec[4]:.1f}", "-"),
    ]  # fmt: skip


async def _burst_home(  # noqa: C901 - one home per variant, its steps in order
    name: str, n: int, entities: int
) -> tuple[float, int, float, int, float]:
    """Return longest stall (ms), peak queue, seconds to durable, rows found, RSS added (MiB)."""
    chunk = 100  # changes fired between two turns of the loop
    with tempfile.TemporaryDirectory() as tmp:
        async with async_test_home_assistant(config_dir=tmp) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            gc.collect()
            rss0 = rss_mib()
            entry = None
            backlog = lambda: 0  # noqa: E731 - Home Assistant alone has no queue
            if name == "recorder":
                await _setup_recorder(hass, tmp)
                instance = recorder_helper.get_instance(hass)
                backlog = lambda: instance.backlog  # noqa: E731
            elif name == "audit":
                entry = await _setup_audit(hass)
                writer = entry.runtime_data.writer
                backlog = lambda: writer.backlog  # noqa: E731
            stall, peak, running = 0.0, 0, True

            async def monitor() -> None:
                nonlocal stall, peak
                while running:
                    t = time.perf_counter()
                    await asyncio.sleep(0.001)
                    stall = max(stall, time.perf_counter() - t - 0.001)
                    peak = max(peak, backlog())

            watcher = hass.async_create_background_task(monitor(), "bench monitor")
            await asyncio.sleep(0.01)
            t0 = time.perf_counter()
            for i in range(0, n, chunk):
                for j in range(i, min(n, i + chunk)):
                    hass.states.async_set(f"sensor.x{j % entities}", str(j), {"unit_of_measurement": "W"})  # fmt: skip
                peak = max(peak, backlog())
                await asyncio.sleep(0)
            if entry is not None:
                await hass.async_add_executor_job(entry.runtime_data.writer.flush, 120)
            elif name == "recorder":
                await recorder_helper.get_instance(hass).async_block_till_done()
            durable = time.perf_counter() - t0
            running = False
            await watcher
            gc.collect()
            rss = rss_mib() - rss0
            if entry is not None:
                found = _found(entry, hass, entities)
            elif name == "alone":
                found = 0
            else:
                with closing(sqlite3.connect(f"{tmp}/rec.db")) as conn:
                    (found,) = conn.execute(
                        "SELECT count(*) FROM states JOIN states_meta USING (metadata_id)"
                        " WHERE states_meta.entity_id LIKE 'sensor.x%'"
                    ).fetchone()
            await hass.async_stop(force=True)
    return stall * 1000, peak, durable, found, rss


def _found(entry: Any, hass: HomeAssistant, entities: int) -> int:  # noqa: ANN401
    """Return how many burst changes are in the store; -1 if a newest state is not the live one."""
    store = entry.runtime_data.store
    ids = [f"sensor.x{e}" for e in range(entities)]
    count, after = 0, 0
    while rows := store.history(ids, 0, 2**62, None, after, 10_000):
        count += len(rows)
        after = rows[-1].seq
    latest = store.state_at(ids, 2**62)
    return count if all(latest[i].new_state == hass.states.get(i).state for i in ids) else -1


# -- 3. the store at 1 and 10 million rows ------------------------------------------------------
START_US = 1_767_225_600_000_000  # 2026-01-01T00:00:00Z
CHAIN = 5  # every fifth change starts a chain that the next four continue


def records(first: int, count: int, entities: int, step_us: int) -> Iterator[Record]:
    """Yield synthetic changes as capture builds them.

    Numeric sensors with stable attributes, lights whose brightness changes each time with an
    automation as their cause; real ULID context ids and registry facts; every change after the
    first of each run of CHAIN names the one before as its cause.
    """
    for i in range(first, first + count):
        e = i % entities
        light = e % 10 == 0
        time_us = START_US + i * step_us
        context = ulid_at_time(time_us / 1e6)
        registry_id, device_id = f"{e:032x}", f"{e + 10**6:032x}"
        yield Record(
            ref=i + 1,
            time_us=time_us,
            event_type=ET_STATE_CHANGED,
            cause=Cause(
                kind=KIND_AUTOMATION,
                context_id=context,
                entity_id="automation.lights",
                name="Lights",
                run_id=context,
                trigger="state of sensor.s1",
                trigger_entity_id="sensor.s1",
            )
            if light
            else Cause(
                kind=KIND_DEVICE,
                context_id=context,
                device_id=device_id,
                platform="demo",
            ),  # fmt: skip
            entity_id=f"light.l{e}" if light else f"sensor.s{e}",
            meta=EntityMeta(registry_id=registry_id, device_id=device_id, platform="demo"),
            old_state=str(i - 1),
            new_state=("on" if i % 2 else "off") if light else f"{20 + (i % 50) / 10:.1f}",
            new_attributes={"brightness": i % 255, "friendly_name": f"L{e}"}
            if light
            else {
                "unit_of_measurement": "°C",
                "device_class": "temperature",
                "friendly_name": f"S{e}",
                "state_class": "measurement",
            },  # fmt: skip
            last_changed_us=time_us,
            last_updated_us=time_us,
            context_id=context,
            causation_ref=i if i % CHAIN else None,
        )


def build_store(
    directory: Path, n: int, entities: int, step_us: int, policy: Policy
) -> tuple[float, float]:
    """Append n changes in 1,000-row transactions; return (rows/s, CPU µs per row)."""
    store = SqliteStore(directory)
    store.open()
    cpu0, t0 = time.process_time(), time.perf_counter()
    batch: list[Record] = []
    for record in records(0, n, entities, step_us):
        batch.append(record)
        if len(batch) == 1000:
            store.append(batch, policy)
            batch = []
    if batch:
        store.append(batch, policy)
    secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    store.close()
    return n / secs, cpu / n * 1e6


def _per_row_insert(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    rows: Any,  # noqa: ANN401
    upsert: str = "",
) -> None:
    """Insert as the writer did before issue 11: one SQLite step per row (executemany)."""
    one = f"({', '.join('?' for _ in columns)})"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {one}{upsert}"  # noqa: S608
    conn.executemany(sql, rows)


def _writer_rate(n: int, entities: int, busy: bool, per_row: bool) -> float:
    """Rows/s of the writer's append in 1,000-row batches, beside a GIL-busy thread or not."""
    from custom_components.audit_trail.store import sqlite as backend

    batch = list(records(0, n, entities, 1000))
    stop = threading.Event()

    def spin() -> None:  # a saturated event loop: pure Python, never sleeping
        x = 0
        while not stop.is_set():
            for _ in range(1000):
                x += 1

    original = backend._insert_rows  # noqa: SLF001
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "s")
        store.open()
        store.append(batch[:10], Policy())
        hog = threading.Thread(target=spin) if busy else None
        if hog is not None:
            hog.start()
        backend._insert_rows = _per_row_insert if per_row else original  # noqa: SLF001
        try:
            t0 = time.perf_counter()
            for i in range(10, n, 1000):
                store.append(batch[i : i + 1000], Policy())
            secs = time.perf_counter() - t0
        finally:
            backend._insert_rows = original  # noqa: SLF001
            stop.set()
            if hog is not None:
                hog.join()
            store.close()
    return (n - 10) / secs


def writer_beside_busy_loop(n: int, entities: int, repeats: int) -> list[Row]:
    """Measure the writer alone and beside a GIL-busy thread, per-row vs multi-row inserts."""
    got: dict[tuple[bool, bool], list[float]] = {}
    for _ in range(repeats):  # interleaved, so the machine's noise falls on all alike
        for busy in (False, True):
            for per_row in (True, False):
                got.setdefault((busy, per_row), []).append(_writer_rate(n, entities, busy, per_row))
    med = {k: statistics.median(v) for k, v in got.items()}
    return [
        ("Writer alone, multi-row inserts (rows/s)", spread(got[False, False], "{:,.0f}"), f"per-row {spread(got[False, True], '{:,.0f}')}", f"{med[False, False] / med[False, True]:.2f}x"),
        ("Writer beside a GIL-busy thread, multi-row inserts (rows/s)", spread(got[True, False], "{:,.0f}"), f"per-row {spread(got[True, True], '{:,.0f}')}", f"{med[True, False] / med[True, True]:.2f}x"),
        ("Writer beside a busy thread / alone (multi-row)", f"{med[True, False] / med[False, False]:.2f}", f"per-row {med[True, True] / med[False, True]:.2f}", "-"),
    ]  # fmt: skip


def plain_sqlite(path: Path, n: int, entities: int, step_us: int) -> float:
    """Rows/s of a plain batched sqlite3 insert of the same rows, same indexes, SHA-256 chain."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(
            "CREATE TABLE log (seq INTEGER PRIMARY KEY, time_us INT, entity_id TEXT, state TEXT,"
            " attrs TEXT, cause TEXT, context_id TEXT, actor TEXT, hash BLOB)"
        )
        conn.execute("CREATE INDEX e ON log (entity_id, time_us)")
        conn.execute("CREATE INDEX a ON log (actor, time_us)")
        conn.execute("CREATE INDEX c ON log (context_id)")
        conn.execute("CREATE INDEX t ON log (time_us)")
        recs = list(records(0, n, entities, step_us))  # made before the clock starts
        t0 = time.perf_counter()
        prev = b"\0" * 32
        for i in range(0, n, 1000):
            rows = []
            for r in recs[i : i + 1000]:
                body = f"{r.time_us}|{r.entity_id}|{r.new_state}|{r.new_attributes}|{r.cause}"
                prev = hashlib.sha256(prev + body.encode()).digest()
                rows.append((r.time_us, r.entity_id, r.new_state, str(r.new_attributes),
                             str(r.cause), r.context_id, None, prev))  # fmt: skip
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO log (time_us, entity_id, state, attrs, cause, context_id, actor, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.execute("COMMIT")
        return n / (time.perf_counter() - t0)


def store_size(directory: Path) -> int:
    """Return the bytes of a store's partition files."""
    return sum(p.stat().st_size for p in directory.glob("log-*.db*"))


def retention_bytes(n: int, entities: int, step_us: int) -> list[Row]:
    """Bytes on disk per change for each retention level, same changes."""
    out = []
    for level, extra in (
        ("full", {}),
        ("selected", {"selected_attributes": frozenset({"unit_of_measurement", "device_class"})}),
        ("transitions", {}),
    ):
        tmp = Path(tempfile.mkdtemp())
        policy = Policy(default_level=level, **extra)  # type: ignore[arg-type]
        build_store(tmp / "s", n, entities, step_us, policy)
        out.append((f"Bytes on disk per change, retention `{level}` ({n:,} changes)", f"{store_size(tmp / 's') / n:.0f}", "-", "-"))  # fmt: skip
        shutil.rmtree(tmp)
    return out


def timed(fn: Any, *args: Any) -> tuple[float, Any]:  # noqa: ANN401
    """Return (ms, result) of one call."""
    t = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - t) * 1000, result


def store_queries(
    directory: Path,
    n: int,
    entities: int,
    step_us: int,
    samples: int,
    opener: Any = None,  # noqa: ANN401 - another backend's store with the same rows
) -> tuple[list[Row], list[tuple[str, int]]]:
    """state_at for one entity, 1,000 and the whole home at random times; a 5-deep trace.

    Also returns the (entity, time) samples, so the recorder can be asked the same questions.
    """
    open_ms, store = timed(opener or (lambda: _opened(directory)))
    end = START_US + n * step_us
    rnd = random.Random(7)
    sensors = [e for e in range(entities) if e % 10]  # the others are lights
    asked = [(f"sensor.s{rnd.choice(sensors)}", rnd.randrange(START_US + step_us * entities, end)) for _ in range(samples)]  # fmt: skip
    ids = sorted(store.known_entities())
    one = [timed(store.state_at, [e], at)[0] for e, at in asked]
    many = [timed(store.state_at, ids[:1000], rnd.randrange(START_US, end))[0] for _ in range(max(5, samples // 20))]  # fmt: skip
    home = [timed(store.state_at, None, rnd.randrange(START_US, end))[0] for _ in range(max(5, samples // 20))]  # fmt: skip
    lanes = [f"sensor.s{e}" for e in sensors[:20]]
    width = (end - START_US) // 400
    buckets = [timed(store.buckets, lanes, START_US, end, width)[0] for _ in range(3)]
    every_ms, every = timed(store.history, lanes, START_US, end, None, 0, n)
    heads = [i + 1 for i in range(n - 1 - CHAIN * 50, n - 1) if i % CHAIN == CHAIN - 1]  # seq = ref
    traces, depth = [], 0
    for _ in range(max(5, samples // 20)):
        ms, chain = timed(store.chain, rnd.choice(heads))
        traces.append(ms)
        depth = len(chain)
    store.close()
    size = f"{n / 1e6:g}M rows"
    rows = [
        (f"state_at one entity, {size}: p50 / p99 (ms)", f"{pct(one, 0.5):.3f} / {pct(one, 0.99):.3f}", "target 0.25 / 1" if n < 5e6 else "target p99 2", "-"),
        (f"state_at 1,000 entities, {size}: p50 / p99 (ms)", f"{pct(many, 0.5):.1f} / {pct(many, 0.99):.1f}", "target p99 15", "-"),
        (f"state_at whole home ({len(ids):,} entities), {size}: p50 / p99 (ms)", f"{pct(home, 0.5):.1f} / {pct(home, 0.99):.1f}", "target 50", "-"),
        (f"trace of a {depth}-deep chain, {size}: p50 / p99 (ms)", f"{pct(traces, 0.5):.3f} / {pct(traces, 0.99):.3f}", "target 5", "-"),
        (f"Open the store and load the projection, {size} (ms)", f"{open_ms:.1f}", "-", "-"),
        (f"Timeline of 20 entities over the whole span ({len(every):,} rows) in 400 buckets, {size} (ms, median of 3)", f"{statistics.median(buckets):.0f}", f"reading every row {every_ms:.0f}", f"{statistics.median(buckets) / every_ms:.2f}x"),
    ]  # fmt: skip
    return rows, asked


def _opened(directory: Path) -> SqliteStore:
    store = SqliteStore(directory)
    store.open()
    store.latest_states()
    return store


async def startup(directory: Path, n: int) -> list[Row]:
    """Time Audit Trail's config entry set-up with an existing store of n rows."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(directory, Path(tmp, STORE_DIRNAME))
        async with async_test_home_assistant(config_dir=tmp) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            t0 = time.perf_counter()
            entry = await _setup_audit(hass)
            ms = (time.perf_counter() - t0) * 1000
            # The start's background check and first refresh read the store: let them finish
            # before the unload, or a read still running re-creates files the clean-up removes.
            await hass.async_block_till_done(wait_background_tasks=True)
            await hass.config_entries.async_unload(entry.entry_id)
            await hass.async_stop(force=True)
    return [(f"Start-up of the integration with a {n / 1e6:g}M-row store (ms)", f"{ms:.0f}", "target 1000", "-")]  # fmt: skip


# -- 4. the recorder answering the same questions on the same rows -------------------------------
async def recorder_state_at(
    n: int, entities: int, step_us: int, asked: list[tuple[str, int]], ours: Path
) -> list[Row]:
    """Load the same rows into the recorder's schema; ask its history for the state at T."""
    with tempfile.TemporaryDirectory() as tmp:
        async with async_test_home_assistant(config_dir=tmp) as hass:  # the recorder's schema
            await _setup_recorder(hass, tmp)
            await hass.async_stop(force=True)
        await asyncio.to_thread(_fill_recorder, Path(tmp, "rec.db"), n, entities, step_us)
        size = sum(p.stat().st_size for p in Path(tmp).glob("rec.db*"))
        async with async_test_home_assistant(config_dir=tmp) as hass:
            await _setup_recorder(hass, tmp)
            instance = recorder_helper.get_instance(hass)
            store = _opened(ours)

            def ask(ids: list[str], at_us: int) -> tuple[float, dict[str, Any]]:
                at = dt_util.utc_from_timestamp(at_us / 1e6)
                t = time.perf_counter()
                found = history.get_significant_states(
                    hass, at, at + timedelta(microseconds=1), ids,
                    include_start_time_state=True, significant_changes_only=False,
                )  # fmt: skip
                return (time.perf_counter() - t) * 1000, found

            one, agree = [], 0
            for entity_id, at_us in asked:
                ms, found = await instance.async_add_executor_job(ask, [entity_id], at_us)
                one.append(ms)
                theirs = found.get(entity_id) or [None]
                mine = store.state_at([entity_id], at_us).get(entity_id)
                agree += bool(theirs[0] and mine and theirs[0].state == mine.new_state)  # type: ignore[union-attr]
            ids = [f"{'light.l' if e % 10 == 0 else 'sensor.s'}{e}" for e in range(entities)]
            rnd = random.Random(11)
            home = []
            for _ in range(max(5, len(asked) // 20)):
                ms, _found = await instance.async_add_executor_job(ask, ids, rnd.randrange(START_US + step_us * entities, START_US + n * step_us))  # fmt: skip
                home.append(ms)
            store.close()
            await hass.async_stop(force=True)
    label = f"{n / 1e6:g}M rows"
    return [
        (f"Recorder history, state at T one entity, {label}: p50 / p99 (ms)", f"{pct(one, 0.5):.3f} / {pct(one, 0.99):.3f}", f"answers equal to ours: {agree}/{len(asked)}", "-"),
        (f"Recorder history, state at T of {entities:,} entities, {label}: p50 / p99 (ms)", f"{pct(home, 0.5):.1f} / {pct(home, 0.99):.1f}", "-", "-"),
        (f"Recorder bytes on disk per change, same rows ({label})", f"{size / n:.0f}", "-", "-"),
    ]  # fmt: skip


def _fill_recorder(path: Path, n: int, entities: int, step_us: int) -> None:
    """Insert the rows into the recorder's own tables, as the recorder would have stored them."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        meta: dict[str, int] = {}
        attrs: dict[str, int] = {}
        last: dict[int, int] = {}
        (state_id,) = conn.execute("SELECT coalesce(max(state_id), 0) FROM states").fetchone()
        conn.execute("BEGIN")
        rows = []
        for r in records(0, n, entities, step_us):
            entity = str(r.entity_id)
            if entity not in meta:
                meta[entity] = conn.execute("INSERT INTO states_meta (entity_id) VALUES (?)", (entity,)).lastrowid or 0  # fmt: skip
            shared = orjson.dumps(r.new_attributes).decode()
            if shared not in attrs:
                attrs[shared] = conn.execute("INSERT INTO state_attributes (hash, shared_attrs) VALUES (?, ?)", (hash(shared) & 0xFFFFFFFF, shared)).lastrowid or 0  # fmt: skip
            state_id += 1
            mid = meta[entity]
            ts = (r.time_us or 0) / 1e6
            rows.append((state_id, r.new_state, ts, None, mid, attrs[shared], last.get(mid), ulid_to_bytes(str(r.context_id)), 0))  # fmt: skip
            last[mid] = state_id
            if len(rows) == 10_000:
                _insert_states(conn, rows)
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                rows = []
        _insert_states(conn, rows)
        conn.execute("COMMIT")


def _insert_states(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "INSERT INTO states (state_id, state, last_updated_ts, last_changed_ts, metadata_id,"
        " attributes_id, old_state_id, context_id_bin, origin_idx) VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )


async def pg_section(sizes: tuple[int, ...], entities: int, samples: int) -> list[Row]:
    """Measure the PostgreSQL backend beside the SQLite one on the same rows (pg_bench.py)."""
    table: list[Row] = []
    for n in sizes:
        step = 3 * 30 * 86_400_000_000 // n  # about three months, as the stores section

        def make(count: int, step: int = step) -> Iterator[Record]:
            return records(0, count, entities, step)

        work = Path(tempfile.mkdtemp())
        lite = await asyncio.to_thread(build_store, work / "s", n, entities, step, Policy())

        def ask(opener: Any, n: int = n, step: int = step, work: Path = work) -> Any:  # noqa: ANN401
            return store_queries(work / "s", n, entities, step, samples, opener)

        table += await asyncio.to_thread(pg_bench.section, n, make, lite, ask)
        table += await asyncio.to_thread(pg_bench.insert_modes, make, min(n, 100_000))
        shutil.rmtree(work)
        burst = min(n, 100_000)
        rate, found = await pg_bench.recorder_burst(burst, entities)
        table += pg_bench.recorder_rows(burst, rate, found, pg_bench.LAST_INGEST[n])
    return table


def _arguments() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small smoke size (CI)")
    parser.add_argument(
        "--only",
        default="side,listener,burst,writer,stores,retention,pg",
        help="comma-separated sections to run (default: all)",
    )
    parser.add_argument(
        "--pg-sizes", default="1000000", help="comma-separated row counts of the pg section"
    )
    parser.add_argument("--sizes", help="comma-separated store sizes in rows (default 1M,10M)")
    return parser.parse_args()


async def main() -> None:  # noqa: C901, PLR0912 - one switch per section
    """Run every benchmark and print the table."""
    args = _arguments()
    only = set(args.only.split(","))
    if args.quick:
        changes, repeats, bursts, sizes, entities, samples = 2_000, 3, 5_000, (20_000,), 200, 200
    else:
        changes, repeats, bursts, entities, samples = 20_000, 7, 100_000, 2_000, 2_000
        sizes = (1_000_000, 10_000_000)
    if args.sizes:
        sizes = tuple(int(x) for x in args.sizes.split(","))
    table: list[Row] = []
    if "side" in only:
        table += await side_by_side(changes, repeats)
    if "listener" in only:
        table += await listener_cost(changes, repeats)
    if "burst" in only:
        table += await burst(bursts, entities)
    if "writer" in only:
        table += await asyncio.to_thread(writer_beside_busy_loop, changes, entities, 3)
    if "stores" not in only:
        sizes = ()
    first = sizes[0] if sizes else 0
    # Spread over months: about 3 months for the first size, a year for the largest.
    months = {first: 3, sizes[-1]: 12} if sizes else {}
    for n in sizes:
        step = months.get(n, 3) * 30 * 86_400_000_000 // n
        work = Path(tempfile.mkdtemp())
        rate, cpu = await asyncio.to_thread(build_store, work / "s", n, entities, step, Policy())
        plain = await asyncio.to_thread(plain_sqlite, work / "plain.db", n, entities, step) if n == first else None  # fmt: skip
        label = f"{n / 1e6:g}M rows"
        table.append((f"Sustained ingest to durable, 1,000-row transactions, {label} (rows/s)", f"{rate:,.0f}", f"plain sqlite3 + hash chain {plain:,.0f}" if plain else "-", f"{rate / plain:.2f}x" if plain else "-"))  # fmt: skip
        table.append((f"Writer CPU per change, {label} (µs)", f"{cpu:.0f}", "-", "-"))
        table.append((f"Bytes on disk per change, full attributes, {label}", f"{store_size(work / 's') / n:.0f}", "-", "-"))  # fmt: skip
        rows, asked = await asyncio.to_thread(store_queries, work / "s", n, entities, step, samples)
        table += rows
        table += await startup(work / "s", n)
        if n == first:
            table += await recorder_state_at(n, entities, step, asked[: max(50, samples // 10)], work / "s")  # fmt: skip
        shutil.rmtree(work)
    if "pg" in only:
        table += await pg_section(
            (20_000,) if args.quick else tuple(int(x) for x in args.pg_sizes.split(",")),
            entities,
            samples,
        )
    if "retention" in only:
        base = 20_000 if args.quick else 1_000_000
        table += await asyncio.to_thread(retention_bytes, base // 5, entities, 3 * 30 * 86_400_000_000 * 5 // base)  # fmt: skip
    print(f"Machine: {machine()}" + (f"; {pg_bench.server_version()}" if "pg" in only else ""))
    print(
        f"Size: {'quick' if args.quick else 'full'} ({', '.join(f'{n:,}' for n in sizes)} rows; "
        f"{changes:,} changes x {repeats} repeats for loop cost; {entities:,} entities)\n"
    )
    print("| measure | Audit Trail | anchor | ratio |\n|---|---|---|---|")
    for row in table:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    asyncio.run(main())
