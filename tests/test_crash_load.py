"""Issue 11: the crash bound under load, in real processes.

A real Home Assistant process with Audit Trail is stormed over its websocket API as fast as it
answers (bench/process.py, from a separate process), SIGKILLed mid-storm and started again;
every change it acknowledged more than CRASH_BOUND_S before the kill must be in the store.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from custom_components.audit_trail.const import CRASH_BOUND_S

ROOT = Path(__file__).parent.parent


def test_sigkill_under_the_fastest_storm_keeps_what_is_older_than_the_bound() -> None:
    # Its own process group, so a timeout takes the Home Assistant processes it started too.
    bench = subprocess.Popen(  # noqa: S603 - our own benchmark, as scripts/bench runs it
        [
            sys.executable, str(ROOT / "bench" / "process.py"), "--crash-only", "--json",
            "--crash-variant", "audit", "--crash-rates", "fastest", "--crash-at", "4",
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,
    )  # fmt: skip
    try:
        out, err = bench.communicate(timeout=600)
    finally:
        if bench.poll() is None:
            os.killpg(bench.pid, signal.SIGKILL)
            bench.wait()
    assert bench.returncode == 0, err[-3000:]
    found = json.loads(out.strip().splitlines()[-1])["fastest"]["audit"]
    print(f"crash under load: {found}")  # noqa: T201 - the measured figures, for the notes
    assert found["acked"] > 2000  # it was a storm: thousands of changes in 4 s
    assert found["lost"] < found["acked"]
    assert found["kept_older_than_s"] <= CRASH_BOUND_S
    assert found["verified"] == 1  # every committed row is whole and chained
    assert found["unclean_gaps"] == 1  # the restart recorded the crash
