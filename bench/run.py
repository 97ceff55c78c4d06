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
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from homeassistant import loader
from homeassistant.const import __version__ as HA_VERSION  # noqa: N812
from homeassistant.core import HomeAssistant, callback
from homeassistant.setup import async_setup_component
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


# -- 1. event-loop cost -------------------------------------------------------------------------
async def loop_cost(changes: int, repeats: int) -> list[Row]:
    """Loop time per async_set: Home Assistant alone, with a trivial listener, with Audit Trail."""
    results: dict[str, list[float]] = {"alone": [], "trivial": [], "audit": []}
    with tempfile.TemporaryDirectory() as tmp:
        async with async_test_home_assistant(config_dir=tmp) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            with socket.socket() as probe:  # http on a free loopback port, not 8123
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            http = {"server_host": "127.0.0.1", "server_port": port}
            if not await async_setup_component(hass, "http", {"http": http}):
                raise SystemExit("could not set up http for the benchmark")
            for _ in range(repeats):  # interleaved, so drift hits every configuration alike
                for name in results:
                    results[name].append(await _one_loop_cost(hass, name, changes))
    alone = statistics.median(results["alone"])
    trivial = statistics.median(results["trivial"]) - alone
    audit = statistics.median(results["audit"]) - alone
    return [
        (
            "Loop time per state change, Home Assistant alone (µs)",
            spread(results["alone"]),
            "-",
            "-",
        ),
        (
            "Loop time added per state change (µs)",
            f"{audit:.1f}",
            f"trivial listener {trivial:.1f}",
            f"{audit / trivial:.2f}x" if trivial > 0 else "-",
        ),
    ]


async def _one_loop_cost(hass: HomeAssistant, name: str, changes: int) -> float:
    seen: list[Any] = []
    unsub: Callable[[], None] | None = None
    entry = None
    if name == "trivial":
        unsub = hass.bus.async_listen("state_changed", callback(lambda e: seen.append(e.data)))
    elif name == "audit":
        entry = MockConfigEntry(domain=DOMAIN, options=dict(DEFAULT_OPTIONS))
        entry.add_to_hass(hass)
        if not await hass.config_entries.async_setup(entry.entry_id):
            raise SystemExit("Audit Trail did not load: the figures would be meaningless")
        await hass.async_block_till_done()
    start = time.perf_counter()
    for i in range(changes):
        hass.states.async_set(f"sensor.b{i % 200}", str(i), {"unit_of_measurement": "W"})
    elapsed = time.perf_counter() - start
    if unsub is not None:
        unsub()
    if entry is not None:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    return elapsed / changes * 1e6


# -- 2. ingest ----------------------------------------------------------------------------------
def records(n: int, entities: int, start_us: int, step_us: int) -> list[Record]:
    """Synthetic changes: numeric sensors with stable attributes, some lights with brightness."""
    out = []
    for i in range(n):
        e = i % entities
        light = e % 10 == 0
        out.append(
            Record(
                ref=i + 1,
                time_us=start_us + i * step_us,
                event_type=ET_STATE_CHANGED,
                cause=Cause(
                    kind=KIND_AUTOMATION if light else KIND_DEVICE,
                    context_id=f"c{i:020d}",
                    entity_id="automation.lights" if light else None,
                ),  # fmt: skip
                entity_id=f"light.l{e}" if light else f"sensor.s{e}",
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
                last_changed_us=start_us + i * step_us,
                last_updated_us=start_us + i * step_us,
                context_id=f"c{i:020d}",
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
    table += await loop_cost(changes, repeats)
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
