"""Audit Trail benchmarks: figures side by side with their anchors, printed as a markdown table.

Run through `scripts/bench` (newest Home Assistant); `--quick` is the small smoke size CI runs.
Every figure is measured in this run, on this machine; repeats give median and min-max.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import platform
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from homeassistant import loader
from homeassistant.const import __version__ as HA_VERSION  # noqa: N812
from homeassistant.core import Context, Event, HomeAssistant, State, callback
from homeassistant.helpers import recorder as recorder_helper
from homeassistant.setup import async_setup_component
from homeassistant.util.ulid import ulid_at_time
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
)

from custom_components.audit_trail.const import DEFAULT_OPTIONS, DOMAIN
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
        ("Bytes on disk per change (same workload)", f"{statistics.median(size['audit']):.0f}", f"recorder {statistics.median(size['recorder']):.0f}", f"{statistics.median(size['audit']) / statistics.median(size['recorder']):.2f}x"),
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
            nbytes = 0
            if name == "recorder":
                nbytes = sum(p.stat().st_size for p in Path(tmp).glob("rec.db*"))
            elif name == "audit":
                nbytes = sum(p.stat().st_size for p in Path(tmp, "audit_trail").glob("log-*.db*"))
            await hass.async_stop(force=True)
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


# -- 2. ingest ----------------------------------------------------------------------------------
def records(n: int, entities: int, start_us: int, step_us: int) -> list[Record]:
    """Return synthetic changes as capture builds them.

    Numeric sensors with stable attributes, lights whose brightness changes each time with an
    automation as their cause; real ULID context ids and registry facts.
    """
    metas = [
        EntityMeta(registry_id=f"{e:032x}", device_id=f"{e + 10**6:032x}", platform="demo")
        for e in range(entities)
    ]
    out = []
    for i in range(n):
        e = i % entities
        light = e % 10 == 0
        time_us = start_us + i * step_us
        context = ulid_at_time(time_us / 1e6)
        out.append(
            Record(
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
                    device_id=metas[e].device_id,
                    platform="demo",
                ),  # fmt: skip
                entity_id=f"light.l{e}" if light else f"sensor.s{e}",
                meta=metas[e],
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
                causation_ref=i if light and i else None,
            )
        )
    return out


def ingest(n: int, batch: int) -> tuple[list[Row], Path, Path]:
    """Rows/s into the store vs a plain batched sqlite3 insert with a SHA-256 chain."""
    tmp = Path(tempfile.mkdtemp())
    recs = records(n, 500, 1_780_000_000_000_000, 1_000)
    store = SqliteStore(tmp / "audit")
    store.open()
    policy = Policy()
    cpu0, t0 = time.process_time(), time.perf_counter()
    for i in range(0, n, batch):
        store.append(recs[i : i + batch], policy)
    audit_s, audit_cpu = time.perf_counter() - t0, time.process_time() - cpu0
    store.close()
    plain = tmp / "plain.db"
    with closing(sqlite3.connect(plain, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(
            "CREATE TABLE log (seq INTEGER PRIMARY KEY, time_us INT, entity_id TEXT, state TEXT,"
            " attrs TEXT, cause TEXT, context_id TEXT, actor TEXT, hash BLOB)"
        )
        conn.execute("CREATE INDEX e ON log (entity_id, time_us)")
        conn.execute("CREATE INDEX a ON log (actor, time_us)")
        conn.execute("CREATE INDEX c ON log (context_id)")
        t0 = time.perf_counter()
        prev = b"\0" * 32
        for i in range(0, n, batch):
            rows = []
            for r in recs[i : i + batch]:
                body = (
                    f"{r.time_us}|{r.entity_id}|{r.new_state}|{r.new_attributes}|{r.cause}".encode()
                )
                prev = hashlib.sha256(prev + body).digest()
                rows.append((r.time_us, r.entity_id, r.new_state, str(r.new_attributes),
                             str(r.cause), r.context_id, None, prev))  # fmt: skip
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO log (time_us, entity_id, state, attrs, cause, context_id, actor, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.execute("COMMIT")
        plain_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in (tmp / "audit").glob("log-*.db*"))
    rows = [
        (
            f"Sustained ingest, {batch}-row transactions (rows/s)",
            f"{n / audit_s:,.0f}",
            f"plain sqlite3 + hash chain {n / plain_s:,.0f}",
            f"{plain_s / audit_s:.2f}x",
        ),
        ("Writer CPU per change (µs)", f"{audit_cpu / n * 1e6:.0f}", "-", "-"),
        ("Bytes on disk per change, full attributes", f"{size / n:.0f}", "-", "-"),
    ]
    return rows, tmp / "audit", tmp


# -- 3. queries ---------------------------------------------------------------------------------
def queries(store_dir: Path, n: int, samples: int) -> list[Row]:
    """state_at for one entity and for 1,000 at random times; a trace; opening the store."""
    t0 = time.perf_counter()
    store = SqliteStore(store_dir)
    store.open()
    latest = store.latest_states()
    open_ms = (time.perf_counter() - t0) * 1000
    start, end = 1_780_000_000_000_000, 1_780_000_000_000_000 + n * 1_000
    rnd = random.Random(7)
    one = []
    for _ in range(samples):
        at = rnd.randrange(start, end)
        t = time.perf_counter()
        store.state_at([f"sensor.s{rnd.randrange(1, 500)}"], at)
        one.append((time.perf_counter() - t) * 1000)
    ids = sorted(latest)[:1000]
    many = []
    for _ in range(max(5, samples // 20)):
        t = time.perf_counter()
        store.state_at(ids, rnd.randrange(start, end))
        many.append((time.perf_counter() - t) * 1000)
    traces = []
    last_light = max(
        r.seq for r in latest.values() if r.entity_id and r.entity_id.startswith("light")
    )
    for _ in range(max(5, samples // 20)):
        t = time.perf_counter()
        chain = store.chain(last_light)
        traces.append((time.perf_counter() - t) * 1000)
    store.close()
    return [
        (f"state_at one entity, {n:,} rows: p50 / p99 (ms)", f"{pct(one, 0.5):.3f} / {pct(one, 0.99):.3f}", "target 0.25 / 1", "-"),
        (f"state_at {len(ids)} entities, one statement: p50 / p99 (ms)", f"{pct(many, 0.5):.2f} / {pct(many, 0.99):.2f}", "target p99 15", "-"),
        (f"trace of a {len(chain)}-deep chain: p50 / p99 (ms)", f"{pct(traces, 0.5):.3f} / {pct(traces, 0.99):.3f}", "target 5", "-"),
        (f"Open the store and load the projection, {n:,} rows (ms)", f"{open_ms:.1f}", "target 1000", "-"),
    ]  # fmt: skip


async def main() -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small smoke size (CI)")
    args = parser.parse_args()
    changes, repeats, rows, samples = (
        (2_000, 3, 20_000, 200) if args.quick else (20_000, 7, 1_000_000, 2_000)
    )
    table: list[Row] = []
    table += await side_by_side(changes, repeats)
    table += await listener_cost(changes, repeats)
    ingest_rows, store_dir, _ = await asyncio.to_thread(ingest, rows, 1000)
    table += ingest_rows
    table += await asyncio.to_thread(queries, store_dir, rows, samples)
    print(f"Machine: {machine()}")
    print(
        f"Size: {'quick' if args.quick else 'full'} ({rows:,} rows; {changes:,} changes x {repeats} repeats for loop cost)\n"
    )
    print("| measure | Audit Trail | anchor | ratio |\n|---|---|---|---|")
    for row in table:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    asyncio.run(main())
