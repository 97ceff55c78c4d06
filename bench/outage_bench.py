"""Time to recover after a PostgreSQL outage with changes flowing, beside its anchor (issue 12).

    run_oldest python bench/outage_bench.py [--rates 200,1000] [--lead 30] [--outage 60]

A throwaway cluster of its own (tests/pg_cluster.py: initdb, pg_ctl on a free port) and the
real store stack: the spooling store in front of the real PostgresStore, fed by the real
Writer thread, with the retry timer the integration runs (every SPOOL_RETRY_S from set-up, or
every --retry seconds).
Anchor: the same rate with the server up throughout (latency from feed to committed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import uuid
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from custom_components.audit_trail.const import SPOOL_MAX_BYTES, SPOOL_MAX_ROWS, SPOOL_RETRY_S
from custom_components.audit_trail.models import ET_STATE_CHANGED, KIND_DEVICE, Cause, Record
from custom_components.audit_trail.policy import Policy
from custom_components.audit_trail.store.postgres import PostgresStore
from custom_components.audit_trail.store.spool import Spool
from custom_components.audit_trail.store.spooled_reads import STATE_READY
from custom_components.audit_trail.store.spooling import Health, SpoolingStore
from custom_components.audit_trail.writer import Writer
from tests.pg_cluster import Cluster, server_binaries

POLICY = Policy.from_options({})
END = 2**62
ENTITIES = 200
TICK_S = 0.005  # the feeder's step: 200/s comes as one change per tick, 1,000/s as five
CATCH_UP_LIMIT_S = 600.0  # a recovery slower than this is reported as not recovered


def change(i: int) -> Record:
    """Return the i-th change of a home of 200 sensors, stamped now."""
    now_us = time.time_ns() // 1000
    return Record(
        ref=i + 1,
        time_us=now_us,
        event_type=ET_STATE_CHANGED,
        cause=Cause(kind=KIND_DEVICE),
        entity_id=f"sensor.s{i % ENTITIES}",
        old_state=str(i - ENTITIES),
        new_state=str(i),
        new_attributes={"unit_of_measurement": "W", "friendly_name": f"S {i % ENTITIES}"},
        last_changed_us=now_us,
        last_updated_us=now_us,
    )


@dataclass
class Trace:
    """What one scenario saw, stamped with time.monotonic()."""

    fed: list[float] = field(default_factory=list)  # feed time of change i
    commits: list[tuple[float, int]] = field(default_factory=list)  # (time, newest seq)
    health: list[tuple[float, str, int]] = field(default_factory=list)  # (time, state, spooled)
    refused: int = 0  # changes the writer's full queue refused
    marks: dict[str, float] = field(default_factory=dict)

    def on_commit(self, last_seq: int, _count: int) -> None:
        """Note a commit (writer thread or retry thread)."""
        self.commits.append((time.monotonic(), last_seq))

    def on_health(self, health: Health) -> None:
        """Note a state or spool change the store reports."""
        self.health.append((time.monotonic(), health.state, health.spooled))


class Feeder(threading.Thread):
    """Enqueue changes at a steady rate, as capture does from the event loop."""

    def __init__(self, writer: Writer, trace: Trace, rate: int) -> None:
        super().__init__(name="outage_bench_feeder", daemon=True)
        self.writer, self.trace, self.rate = writer, trace, rate
        self.stopping = threading.Event()

    def run(self) -> None:
        """Feed until stopped, catching up on the schedule after a late tick."""
        start = time.monotonic()
        fed = 0
        while not self.stopping.wait(TICK_S):
            due = int(self.rate * (time.monotonic() - start))
            while fed < due:
                if self.writer.enqueue(change(fed)):
                    self.trace.fed.append(time.monotonic())
                    fed += 1
                else:
                    self.trace.refused += 1
                    break


class Retrier(threading.Thread):
    """Call the store's retry every SPOOL_RETRY_S, as the integration's interval timer does."""

    def __init__(self, store: SpoolingStore, trace: Trace, every_s: float) -> None:
        super().__init__(name="outage_bench_retry", daemon=True)
        self.store, self.trace, self.every_s = store, trace, every_s
        self.stopping = threading.Event()

    def run(self) -> None:
        """Retry on a fixed schedule from set-up; note forwarded seqs as commits."""
        start = time.monotonic()
        tick = 1
        while not self.stopping.wait(max(0.0, start + tick * self.every_s - time.monotonic())):
            tick += 1
            self.trace.marks.setdefault("first_retry", time.monotonic())
            seqs = self.store.retry(POLICY)
            if seqs:
                self.trace.on_commit(seqs[-1], len(seqs))


@dataclass(frozen=True)
class Knobs:
    """One scenario: the feed rate, how long before, during and after the outage, the retry."""

    rate: int
    lead_s: float
    outage_s: float  # 0: the anchor, no outage
    tail_s: float
    retry_s: float


@dataclass
class Result:
    """The figures of one scenario."""

    label: str
    rate: int
    retry_s: float
    fed: int
    spooled: int
    wait_s: float | None
    drain_s: float | None
    catch_up_s: float | None
    before: tuple[float, float, float]  # latency p50, p99, max (ms) of changes fed before the stop
    after: tuple[float, float, float] | None  # the same for changes fed after catching up
    worst_s: float  # the longest feed-to-committed of any change
    lost: int
    verified: str


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """Return p50, p99 and max of latencies in seconds, as milliseconds."""
    if not values:
        return (float("nan"),) * 3
    cuts = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values
    return (statistics.median(values) * 1e3, cuts[-1] * 1e3, max(values) * 1e3)


def commit_times(trace: Trace, seqs: list[int]) -> list[float]:
    """Return when each seq was first covered by a commit."""
    commits = sorted(trace.commits)
    times, newest = [], 0
    for t, last in commits:
        newest = max(newest, last)
        times.append((newest, t))
    out: list[float] = []
    pos = 0
    for seq in seqs:  # seqs ascend: one sweep
        while times[pos][0] < seq:
            pos += 1
        out.append(times[pos][1])
    return out


def check(store: SpoolingStore, fed: int, base: int) -> tuple[str, list[int]]:
    """Check every change is stored once, in feed order, and the chain verifies; return seqs."""
    rows: list[int] = []
    states: list[str | None] = []
    while True:
        page = store.history(None, 0, END, None, rows[-1] if rows else base, 5000)
        rows += [r.seq for r in page]
        states += [r.new_state if r.event_type == ET_STATE_CHANGED else r.event_type for r in page]
        if len(page) < 5000:
            break
    problems = []
    if states != [str(i) for i in range(fed)]:
        problems.append(f"{len(states)} rows after the set-up, not the {fed} changes in order")
    if store.last_seq - base != fed:
        problems.append(f"head {store.last_seq - base} != fed {fed}")
    result = store.verify()
    if not result.ok:
        problems.append(f"verify failed: {result}")
    return ("ok" if not problems else "; ".join(problems)), rows


def wait_until(condition: Callable[[], bool], limit_s: float) -> bool:
    """Poll a condition every 10 ms; False if it did not hold within the limit."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def outage(cluster: Cluster, trace: Trace, outage_s: float) -> None:
    """Stop the server at once (-m fast), keep it down, start it again; mark each step."""
    trace.marks["stop"] = time.monotonic()
    cluster.stop()
    trace.marks["down"] = time.monotonic()
    time.sleep(outage_s)
    trace.marks["start"] = time.monotonic()
    cluster.start()
    trace.marks["up"] = time.monotonic()  # pg_ctl -w: the server accepts connections


def first(
    events: list[tuple[float, str, int]], after: float, want: Callable[[str, int], bool]
) -> float | None:
    """Return the time of the first health event after a time that matches."""
    return next((t for t, state, rows in events if t >= after and want(state, rows)), None)


def catch_up(trace: Trace, base: int) -> None:
    """Wait until the spool is forwarded and the writer's backlog behind it is committed."""
    up = trace.marks["up"]

    def empty() -> float | None:
        # The store's report, not a poll of the spool: the last chunk's rows leave the spool
        # a moment before the store reports it empty.
        return first(trace.health, up, lambda state, rows: state == STATE_READY and not rows)

    if not wait_until(lambda: empty() is not None, CATCH_UP_LIMIT_S):
        return
    trace.marks["empty"] = emptied = empty() or up
    ready = first(trace.health, up, lambda state, _: state == STATE_READY)
    trace.marks["ready"] = ready or emptied
    # Changes fed while the spool drained waited in the writer's queue (the drain holds the
    # store's lock): caught up when the head covers every change fed by the spool's last row.
    due = base + bisect_right(trace.fed, emptied)
    if wait_until(lambda: max((s for _, s in trace.commits), default=0) >= due, CATCH_UP_LIMIT_S):
        trace.marks["caught"] = min(t for t, s in trace.commits if s >= due)


def run_store(cluster: Cluster, tmp: Path, knobs: Knobs) -> tuple[Trace, SpoolingStore, int]:
    """Set up the store stack, feed it, take the server away if asked; return what it saw."""
    trace = Trace()
    name = f"b{uuid.uuid4().hex[:8]}"
    spool = Spool(tmp / f"{name}.db", SPOOL_MAX_ROWS, SPOOL_MAX_BYTES)
    store = SpoolingStore(lambda: PostgresStore(cluster.url, instance=name), spool, trace.on_health)
    store.open()
    store.prepare(POLICY)
    if store.state != STATE_READY:
        raise SystemExit(f"the store did not become ready: {store.health()}")
    base = store.last_seq
    writer = Writer(store, POLICY, trace.on_commit, lambda _: None)
    retrier = Retrier(store, trace, knobs.retry_s)
    feeder = Feeder(writer, trace, knobs.rate)
    for thread in (writer, retrier, feeder):
        thread.start()
    try:
        time.sleep(knobs.lead_s)
        if knobs.outage_s:
            outage(cluster, trace, knobs.outage_s)
            catch_up(trace, base)
        time.sleep(knobs.tail_s)
    finally:
        feeder.stopping.set()
        feeder.join()
        writer.flush(120)
        writer.stop(60)
        retrier.stopping.set()
        retrier.join()
    return trace, store, base


def scenario(cluster: Cluster, tmp: Path, knobs: Knobs) -> Result:
    """Run one scenario and reduce it to its figures."""
    trace, store, base = run_store(cluster, tmp, knobs)
    try:
        verified, seqs = check(store, len(trace.fed), base)
        lost = store.health().lost + trace.refused
    finally:
        store.close()
    fed = trace.fed[: len(seqs)]
    latency = [c - f for c, f in zip(commit_times(trace, seqs), fed, strict=True)]
    m = trace.marks
    # Changes fed within the writer's linger of the stop were in the batch the stop broke:
    # they waited in the spool, so they belong to the outage, not to "before".
    stop, caught = m.get("stop", float("inf")) - 1.0, m.get("caught")
    after = [x for x, f in zip(latency, fed, strict=True) if caught is not None and f > caught]
    return Result(
        label="outage" if knobs.outage_s else "anchor: no outage",
        rate=knobs.rate,
        retry_s=knobs.retry_s,
        fed=len(trace.fed),
        spooled=max((rows for _, _, rows in trace.health), default=0),
        wait_s=m["ready"] - m["up"] if "ready" in m else None,
        drain_s=m["empty"] - m["ready"] if "empty" in m else None,
        catch_up_s=caught - m["up"] if caught is not None else None,
        before=percentiles([x for x, f in zip(latency, fed, strict=True) if f < stop]),
        after=percentiles(after) if knobs.outage_s else None,
        worst_s=max(latency, default=float("nan")),
        lost=lost,
        verified=verified,
    )


def seconds(value: float | None) -> str:
    """Format seconds, or say the step did not happen."""
    return "-" if value is None else f"{value:.1f}"


def rows_per_s(result: Result) -> str:
    """Format the spool's forwarding rate."""
    if not result.drain_s:
        return "-"
    return f"{result.spooled / result.drain_s:,.0f}"


def ms(values: tuple[float, float, float] | None) -> str:
    """Format p50 / p99 / max milliseconds."""
    return "-" if values is None else " / ".join(f"{v:,.0f}" for v in values)


def table(results: list[Result]) -> None:
    """Print the figures as a markdown table."""
    print(
        "| scenario | changes/s | retry every s | fed | spooled (peak) | restart -> retry s | drain s "
        "| drain rows/s | restart -> caught up s | latency ms fed >1 s before stop p50/p99/max "
        "| after catching up p50/p99/max | longest s | lost | check |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(
            f"| {r.label} | {r.rate:,} | {r.retry_s:g} | {r.fed:,} | {r.spooled:,} | {seconds(r.wait_s)} "
            f"| {seconds(r.drain_s)} | {rows_per_s(r)} | {seconds(r.catch_up_s)} "
            f"| {ms(r.before)} | {ms(r.after)} "
            f"| {r.worst_s:.1f} | {r.lost} | {r.verified} |"
        )


def main() -> None:
    """Run the anchor and the outage at each rate on a cluster of this run's own."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="200,1000", help="changes per second, comma-separated")
    parser.add_argument("--lead", type=float, default=30.0, help="seconds fed before the stop")
    parser.add_argument("--outage", type=float, default=60.0, help="seconds the server is down")
    parser.add_argument("--tail", type=float, default=5.0, help="seconds fed after catching up")
    parser.add_argument(
        "--retry",
        default=f"{SPOOL_RETRY_S:g}",
        help="seconds between retries, comma-separated: an outage run for each (e.g. 30,5)",
    )
    args = parser.parse_args()
    if server_binaries() is None:
        raise SystemExit("PostgreSQL's server binaries are missing (scripts/lib.sh installs them)")
    cluster = Cluster()
    results: list[Result] = []
    try:
        with tempfile.TemporaryDirectory(prefix="audit-trail-outage-") as tmp:
            print(f"{server_binaries()}, port {cluster.port}, SPOOL_RETRY_S {SPOOL_RETRY_S:g}")
            retries = [float(r) for r in args.retry.split(",")]
            for rate in (int(r) for r in args.rates.split(",")):
                # The anchor (no outage) once per rate, then an outage per retry interval.
                runs = [(0.0, retries[0]), *((args.outage, every) for every in retries)]
                for outage_s, every in runs:
                    tail = args.tail if outage_s else 0.0
                    knobs = Knobs(rate, args.lead, outage_s, tail, every)
                    results.append(scenario(cluster, Path(tmp), knobs))
                print(f"  {rate}/s done", flush=True)
    finally:
        cluster.remove()  # stops the server too
    table(results)


if __name__ == "__main__":
    main()
