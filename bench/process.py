"""Real-process benchmark: a `hass` process stormed over its websocket API from this process.

Run through `scripts/bench --process` (the newest Home Assistant). For each variant (Home
Assistant alone, + recorder, + Audit Trail, + both), a fresh configuration with 20 input
booleans is started as its own process; this process toggles them with pipelined
`input_boolean.toggle` calls at each rate, pings on a second connection every 100 ms, and polls
each store's newest row. Then a crash run: SIGKILL during the fastest storm, a restart, and a
count of which acknowledged changes are in each store. Prints markdown tables; every figure in a
table comes from this run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from homeassistant.const import MAJOR_VERSION, MINOR_VERSION

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from onboard import add_audit_trail, call, onboard, wait_until_up  # noqa: E402

ENTITIES = 20
VARIANTS = ("alone", "recorder", "audit", "both")
IN_FLIGHT = 400  # calls outstanding at once in the fastest storm
PING_EVERY_S = 0.1


@dataclass
class Storm:
    """What one storm measured."""

    rate: str
    acked: int = 0
    seconds: float = 0.0
    acks: list[tuple[float, str]] = field(default_factory=list)  # (wall time, context id)
    pings_ms: list[float] = field(default_factory=list)
    lags: dict[str, list[float]] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)
    catch_up_s: dict[str, float] = field(default_factory=dict)
    cpu_pct: float = 0.0
    rss_mib: float = 0.0
    killed_at: float = 0.0


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(config: Path, variant: str, port: int) -> None:
    """Write a configuration: http on 127.0.0.1, 20 input booleans, the recorder if asked."""
    subprocess.run(
        ["bash", "-c", f'source "{ROOT}/scripts/lib.sh"; prepare_ha_config "{config}" {port}'],
        check=True,
    )
    booleans = "\n".join(f"  b{i}:" for i in range(ENTITIES))
    recorder = "recorder:\n  commit_interval: 1\n" if variant in ("recorder", "both") else ""
    # Home Assistant before 2026.10 takes http from YAML only; later ones from storage (set
    # above), where YAML would only be a trial that waits for a confirmation in the UI.
    http = (
        f"http:\n  server_host: 127.0.0.1\n  server_port: {port}\n"
        if (MAJOR_VERSION, MINOR_VERSION) < (2026, 10)
        else ""
    )
    (config / "configuration.yaml").write_text(
        "homeassistant:\n  name: bench\n  time_zone: UTC\n  country: NL\n  currency: EUR\n"
        f"config:\n{http}{recorder}logger:\n  default: warning\ninput_boolean:\n{booleans}\n"
    )
    link = config / "custom_components" / "audit_trail"
    if not link.exists():
        link.symlink_to(ROOT / "custom_components" / "audit_trail")


class Home:
    """One Home Assistant process of a variant."""

    def __init__(self, variant: str, config: Path) -> None:
        self.variant = variant
        self.config = config
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.token = ""

    @property
    def url(self) -> str:
        """Return the process's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start hass and wait until it answers; onboard and add Audit Trail where asked."""
        prepare(self.config, self.variant, self.port)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "homeassistant", "-c", str(self.config)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,  # in this process's group
        )  # fmt: skip
        try:
            self._ready()
        except BaseException:
            self.stop(kill=True)  # never leave a process behind a failed start
            raise

    def _ready(self) -> None:
        """Wait until it answers; onboard and add Audit Trail where asked."""
        wait_until_up(self.url, 300)
        self.token = onboard(self.url, "bench", "audit-trail-bench")
        if self.variant in ("audit", "both"):
            add_audit_trail(self.url, self.token)
        deadline = time.monotonic() + 60
        while self.variant in ("audit", "both") and not self.audit_loaded():
            if time.monotonic() > deadline:
                raise SystemExit("Audit Trail did not load")
            time.sleep(0.2)

    def audit_loaded(self) -> bool:
        """Return whether Audit Trail's entry is loaded (after a restart: its gap is queued)."""
        entries = call(self.url, "/api/config/config_entries/entry", token=self.token)
        loaded = any(e["domain"] == "audit_trail" and e["state"] == "loaded" for e in entries)
        return loaded and bool(self.audit_files())

    def stop(self, kill: bool = False) -> None:
        """Stop (or SIGKILL) the process and wait for it."""
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.proc.wait(120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def audit_files(self) -> list[Path]:
        """Return Audit Trail's partition files, oldest first."""
        return sorted((self.config / "audit_trail").glob("log-????-??.db"))

    def usage(self) -> tuple[float, float]:
        """Return (CPU seconds used so far, peak RSS in MiB) of the process."""
        if self.proc is None:
            return 0.0, 0.0
        stat = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        hwm = next(line for line in status.splitlines() if line.startswith("VmHWM"))
        return cpu, int(hwm.split()[1]) / 1024


class Stores:
    """Read-only views of the stores a variant writes: (rows, newest row time)."""

    def __init__(self, home: Home) -> None:
        self.home = home

    def names(self) -> list[str]:
        """Return the stores this variant writes."""
        out = []
        if self.home.variant in ("audit", "both"):
            out.append("audit")
        if self.home.variant in ("recorder", "both"):
            out.append("recorder")
        return out

    def head(self, name: str) -> tuple[int, float]:
        """Return (newest row id, its time in seconds) of a store (0, 0 when empty)."""
        if name == "audit":
            files = self.home.audit_files()
            sql = "SELECT seq, time_us / 1e6 FROM log ORDER BY seq DESC LIMIT 1"
            path = files[-1] if files else None
        else:
            path = self.home.config / "home-assistant_v2.db"
            sql = "SELECT state_id, last_updated_ts FROM states ORDER BY state_id DESC LIMIT 1"
        if path is None or not path.exists():
            return 0, 0.0
        try:
            with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
                row = conn.execute(sql).fetchone()
        except sqlite3.Error:
            return 0, 0.0
        return (int(row[0]), float(row[1] or 0)) if row else (0, 0.0)


async def _ws(session: aiohttp.ClientSession, home: Home) -> aiohttp.ClientWebSocketResponse:
    ws = await session.ws_connect(f"{home.url}/api/websocket", max_msg_size=0)
    await ws.receive_json()
    await ws.send_json({"type": "auth", "access_token": home.token})
    answer = await ws.receive_json()
    if answer.get("type") != "auth_ok":
        raise SystemExit(f"websocket auth failed: {answer}")
    return ws


async def _pinger(
    ws: aiohttp.ClientWebSocketResponse, out: list[float], stop: asyncio.Event
) -> None:
    msg_id = 0
    while not stop.is_set():
        msg_id += 1
        sent = time.perf_counter()
        await ws.send_json({"id": msg_id, "type": "ping"})
        while (await ws.receive_json()).get("id") != msg_id:
            pass
        out.append((time.perf_counter() - sent) * 1000)
        await asyncio.sleep(max(0.0, PING_EVERY_S - (time.perf_counter() - sent)))


async def _poller(stores: Stores, storm: Storm, stop: asyncio.Event) -> None:
    """Sample each store's lag behind the wall clock: now minus its newest row's time.

    Rows from before the storm do not count: until the first storm row is in, the lag is
    the time since the storm started.
    """
    began = time.time()
    for name in stores.names():
        storm.lags[name] = []
    while not stop.is_set():
        now = time.time()
        for name in stores.names():
            newest = max(stores.head(name)[1], began)
            storm.lags[name].append(max(0.0, now - newest))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.1)


async def storm(  # noqa: C901 - one storm's steps in order, kept together
    home: Home, rate: float | None, seconds: float, kill_at: float | None = None
) -> Storm:
    """Toggle the booleans at a rate (None: as fast as Home Assistant answers) for a while."""
    result = Storm(rate="fastest" if rate is None else f"{rate:,.0f}/s")
    stores = Stores(home)
    before = {n: stores.head(n)[0] for n in stores.names()}
    cpu0, _ = home.usage()
    async with aiohttp.ClientSession() as session:
        calls, pings = await _ws(session, home), await _ws(session, home)
        stop = asyncio.Event()
        helpers = [
            asyncio.create_task(_pinger(pings, result.pings_ms, stop)),
            asyncio.create_task(_poller(stores, result, stop)),
        ]
        sent: dict[int, float] = {}

        async def receive() -> None:
            async for msg in calls:
                data = json.loads(msg.data)
                if data.get("type") == "result" and data["id"] in sent:
                    sent.pop(data["id"])
                    if data.get("success"):
                        ctx = (data.get("result") or {}).get("context", {}).get("id", "")
                        result.acks.append((time.time(), ctx))

        reader = asyncio.create_task(receive())
        start = time.perf_counter()
        msg_id = 0
        while (elapsed := time.perf_counter() - start) < seconds:
            if kill_at is not None and elapsed >= kill_at:
                result.killed_at = time.time()
                home.stop(kill=True)
                break
            due = int(elapsed * rate) if rate is not None else msg_id + IN_FLIGHT - len(sent)
            while msg_id < due and (rate is not None or len(sent) < IN_FLIGHT):
                msg_id += 1
                sent[msg_id] = time.perf_counter()
                await calls.send_json({
                    "id": msg_id, "type": "call_service", "domain": "input_boolean",
                    "service": "toggle",
                    "target": {"entity_id": f"input_boolean.b{msg_id % ENTITIES}"},
                })  # fmt: skip
            await asyncio.sleep(0.005)
        result.seconds = time.perf_counter() - start
        waited = time.perf_counter()
        while kill_at is None and sent and time.perf_counter() - waited < 60:  # noqa: ASYNC110
            await asyncio.sleep(0.01)  # the last answers of the storm
        reader.cancel()
        stop.set()
        await asyncio.gather(*helpers, return_exceptions=True)
    result.acked = len(result.acks)
    if kill_at is not None:
        return result
    cpu1, rss = home.usage()
    result.cpu_pct = 100 * (cpu1 - cpu0) / result.seconds
    result.rss_mib = rss
    ended = time.perf_counter()
    for name in stores.names():
        target = before[name] + result.acked
        while stores.head(name)[0] < target and time.perf_counter() - ended < 120:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        result.catch_up_s[name] = time.perf_counter() - ended
        result.written[name] = stores.head(name)[0] - before[name]
    return result


def crash_count(home: Home, storm_result: Storm, killed_at: float) -> dict[str, tuple[int, float]]:
    """Return, per store, (acknowledged changes missing, seconds before the kill they reach)."""
    acked = {ctx: t for t, ctx in storm_result.acks}
    found: dict[str, set[str]] = {}
    from homeassistant.util.ulid import bytes_to_ulid

    def ids(path: Path, sql: str) -> set[str]:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return {
                bytes_to_ulid(r[0]) if isinstance(r[0], bytes) else r[0]
                for r in conn.execute(sql)
                if r[0]
            }

    if home.variant in ("audit", "both"):
        found["audit"] = set().union(
            *(ids(p, "SELECT context_id FROM log") for p in home.audit_files())
        )
    if home.variant in ("recorder", "both"):
        db = home.config / "home-assistant_v2.db"
        found["recorder"] = ids(db, "SELECT context_id_bin FROM states") if db.exists() else set()
    out = {}
    for name, present in found.items():
        missing = [t for ctx, t in acked.items() if ctx not in present]
        out[name] = (len(missing), killed_at - min(missing) if missing else 0.0)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _row(variant: str, s: Storm) -> str:
    lag = (
        " / ".join(
            f"{n}: {statistics.median(v):.2f} / {max(v):.2f}" for n, v in s.lags.items() if v
        )
        or "-"
    )
    written = (
        ", ".join(
            f"{n} {s.written[n] / max(s.seconds + s.catch_up_s[n], 1e-9):,.0f}" for n in s.written
        )
        or "-"
    )
    catch = ", ".join(f"{n} {t:.1f}" for n, t in s.catch_up_s.items()) or "-"
    ping = (
        f"{statistics.median(s.pings_ms):.1f} / {_p(s.pings_ms, 0.99):.1f} / {max(s.pings_ms):.1f}"
    )
    return (
        f"| {variant} | {s.rate} | {s.acked / s.seconds:,.0f} | {lag} | {written} | {catch} | "
        f"{ping} | {s.cpu_pct:.0f} | {s.rss_mib:.0f} |"
    )


async def crash(
    tmp: Path, variant: str, rate: float | None, kill_at: float
) -> dict[str, dict[str, float]]:
    """SIGKILL a home during a storm, restart it, and count what each store kept."""
    home = Home(variant, tmp / f"crash-{variant}-{rate or 'fastest'}")
    try:
        home.start()
        await asyncio.sleep(3)
        result = await storm(home, rate, kill_at + 5, kill_at=kill_at)
        survived = Stores(home).head("audit")[0] if "audit" in Stores(home).names() else 0
        home.start()  # the restart records the gap; its stores now hold what survived
        deadline = time.monotonic() + 30
        while survived and Stores(home).head("audit")[0] <= survived:
            if time.monotonic() > deadline:  # the start's rows (gap, load) never came
                break
            await asyncio.sleep(0.1)
    finally:
        home.stop()
    found: dict[str, dict[str, float]] = {
        name: {"acked": result.acked, "lost": lost, "kept_older_than_s": before_kill}
        for name, (lost, before_kill) in crash_count(home, result, result.killed_at).items()
    }
    if "audit" in found:
        found["audit"].update(audit_after_restart(home))
    return found


def audit_after_restart(home: Home) -> dict[str, float]:
    """Return whether Audit Trail's chain verifies and how many unclean-shutdown gaps it holds."""
    sys.path.insert(0, str(ROOT))
    from custom_components.audit_trail.store.sqlite import SqliteStore

    store = SqliteStore(home.config / "audit_trail")
    store.open()
    try:
        verified = store.verify().ok
        gaps = [
            r
            for r in store.history(None, 0, 2**62, ["gap"], 0, 1000)
            if r.cause.get("reason") == "unclean_shutdown"
        ]
    finally:
        store.close()
    return {"verified": float(verified), "unclean_gaps": float(len(gaps))}


async def main() -> None:
    """Run every variant at every rate, then the crash runs; print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each storm")
    parser.add_argument("--rates", default="200,1000,fastest")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--crash-at", type=float, default=10.0, help="SIGKILL after (s)")
    parser.add_argument("--crash-rates", default="1000,fastest")
    parser.add_argument("--crash-variant", default="both")
    parser.add_argument("--crash-only", action="store_true", help="only the crash runs")
    parser.add_argument("--json", action="store_true", help="crash figures as one JSON line")
    args = parser.parse_args()
    rates = [None if r == "fastest" else float(r) for r in args.rates.split(",")]
    with tempfile.TemporaryDirectory(prefix="audit-trail-process-bench-") as tmp:
        if not args.crash_only:
            print(
                "| variant | offered | achieved changes/s | store lag p50 / max (s) "
                "| rows/s written | catch-up (s) | ping p50 / p99 / max (ms) | CPU % "
                "| peak RSS (MiB) |"
            )
            print("|---|---|---|---|---|---|---|---|---|")
            for variant in args.variants.split(","):
                home = Home(variant, Path(tmp) / variant)
                home.start()
                try:
                    await asyncio.sleep(3)  # let start-up work settle
                    for rate in rates:
                        print(_row(variant, await storm(home, rate, args.seconds)), flush=True)
                        await asyncio.sleep(2)
                finally:
                    home.stop()
        found = {}
        for text in filter(None, args.crash_rates.split(",")):
            rate = None if text == "fastest" else float(text)
            found[text] = await crash(Path(tmp), args.crash_variant, rate, args.crash_at)
        if args.json:
            print(json.dumps(found))
            return
        print(
            f"\n| crash run (SIGKILL {args.crash_at:.0f} s into a storm) | store | acknowledged "
            "| lost | everything acknowledged more than this before the kill was kept |"
        )
        print("|---|---|---|---|---|")
        for text, stores in found.items():
            for name, f in stores.items():
                print(
                    f"| {text} | {name} | {f['acked']:,} | {f['lost']:,} "
                    f"| {f['kept_older_than_s']:.2f} s |"
                )


if __name__ == "__main__":
    asyncio.run(main())
