"""Check a freshly booted Home Assistant as a user would: Audit Trail loads and answers state_at.

Used by scripts/smoke against the newest Home Assistant release on PyPI and (--oldest) the oldest
supported one. Standard library only.
Exits non-zero with the reason when any step fails; stops Home Assistant at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from onboard import add_audit_trail, call, onboard, wait_until_up

ENTITY = "input_boolean.smoke"


def _loaded(base: str, token: str, timeout: float) -> None:
    """Wait until Audit Trail's entry is loaded."""
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        entries = call(base, "/api/config/config_entries/entry", token=token)
        state = next((e["state"] for e in entries if e["domain"] == "audit_trail"), None)
        if state == "loaded":
            return
        time.sleep(1)
    raise SystemExit(f"Audit Trail's entry is {state!r}, not loaded")


def _state_at(base: str, token: str) -> dict[str, Any]:
    answer = call(
        base, "/api/services/audit_trail/state_at?return_response",
        {"entity_id": ENTITY, "at": "-0s"}, token=token,
    )  # fmt: skip
    return dict(answer["service_response"]["states"][ENTITY] or {})


def _bundle(base: str) -> str:
    """Check every page loads the card's bundle and the bundle is served as JavaScript."""
    with urllib.request.urlopen(f"{base}/", timeout=30) as page:  # noqa: S310 - our own server
        html = page.read().decode()
    # As <script type="module" src=...> or import("...") depending on the version.
    found = re.search(r'["\'](/audit_trail/frontend/audit-trail\.js\?v=[0-9a-f]+)["\']', html)
    if found is None:
        raise SystemExit("the frontend's page does not load Audit Trail's bundle")
    with urllib.request.urlopen(f"{base}{found[1]}", timeout=30) as bundle:  # noqa: S310
        kind = bundle.headers.get_content_type()
        size = len(bundle.read())
        if bundle.status != 200 or kind not in ("application/javascript", "text/javascript"):
            raise SystemExit(f"the bundle answered {bundle.status} {kind}")
    return f"{found[1]} ({size:,} bytes, {kind})"


def main() -> None:
    """Onboard, add Audit Trail, make a change as the owner and ask who made it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    base = args.url
    wait_until_up(base, args.timeout)
    token = onboard(base, "smoke", "audit-trail-smoke")
    version = call(base, "/api/config", token=token)["version"]
    add_audit_trail(base, token)
    _loaded(base, token, 60)
    call(base, "/api/services/input_boolean/turn_on", {"entity_id": ENTITY}, token=token)
    found: dict[str, Any] = {}
    for _ in range(20):  # the writer commits within a second
        found = _state_at(base, token)
        if found.get("state") == "on":
            break
        time.sleep(0.5)
    cause = found.get("cause", {})
    if found.get("state") != "on" or cause.get("kind") != "user":
        raise SystemExit(f"state_at on Home Assistant {version} answered {found}")
    print(f"Home Assistant {version}: Audit Trail loaded; state_at {ENTITY} = on, set by "
          f"{cause.get('user_name')} ({cause.get('service')}); every page loads "
          f"{_bundle(base)}")  # fmt: skip
    with contextlib.suppress(urllib.error.URLError, ConnectionError):  # it may hang up
        call(base, "/api/services/homeassistant/stop", {}, token=token)


if __name__ == "__main__":
    main()
