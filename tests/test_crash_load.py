"""Issue 11: the crash bound under load, in real processes.

A real Home Assistant process with Audit Trail is stormed over its websocket API as fast as it
answers (bench/process.py, from a separate process), SIGKILLed mid-storm and started again;
every change it acknowledged more than CRASH_BOUND_S before the kill must be in the store.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from custom_components.audit_trail.const import CRASH_BOUND_S

ROOT = Path(__file__).parent.parent


def test_sigkill_under_the_fastest_storm_keeps_what_is_older_than_the_bound() -> None:
    done = subprocess.run(  # noqa: S603 - our own benchmark, as scripts/bench runs it
        [
            sys.executable, str(ROOT / "bench" / "process.py"), "--crash-only", "--json",
            "--crash-variant", "audit", "--crash-rates", "fastest", "--crash-at", "4",
        ],
        capture_output=True, text=True, timeout=600, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])["fastest"]["audit"]
    print(f"crash under load: {found}")  # noqa: T201 - the measured figures, for the notes
    assert found["acked"] > 2000  # it was a storm: thousands of changes in 4 s
    assert found["lost"] < found["acked"]
    assert found["kept_older_than_s"] <= CRASH_BOUND_S
    assert found["verified"] == 1  # every committed row is whole and chained
    assert found["unclean_gaps"] == 1  # the restart recorded the crash
