"""Finish onboarding of a fresh Home Assistant and add Audit Trail, through its public HTTP API.

Used by scripts/develop once Home Assistant listens: creates the owner account (the same calls
the onboarding screens make), then runs Audit Trail's
config flow. Safe to run again: finished steps are skipped. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

CLIENT_ID = "http://127.0.0.1:8123/"


def call(
    base: str,
    path: str,
    body: dict[str, Any] | None = None,
    token: str | None = None,
    form: bool = False,
) -> Any:  # noqa: ANN401
    """POST (or GET without a body) and return the decoded JSON answer."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None:
        if form:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read() or b"null")


def wait_until_up(base: str, timeout: float) -> None:
    """Wait until Home Assistant answers HTTP."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            call(base, "/api/onboarding")
        except urllib.error.HTTPError:
            return  # it answers (404 once onboarding is over)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
        else:
            return
    raise SystemExit(f"Home Assistant did not answer at {base} within {timeout:.0f} s")


def token_for(base: str, auth_code: str) -> str:
    """Exchange an authorization code for an access token."""
    answer = call(
        base,
        "/auth/token",
        {"grant_type": "authorization_code", "code": auth_code, "client_id": CLIENT_ID},
        form=True,
    )
    return str(answer["access_token"])


def login(base: str, username: str, password: str) -> str:
    """Log in with the Home Assistant auth provider and return an access token."""
    flow = call(
        base,
        "/auth/login_flow",
        {"client_id": CLIENT_ID, "handler": ["homeassistant", None], "redirect_uri": CLIENT_ID},
    )
    result = call(
        base,
        f"/auth/login_flow/{flow['flow_id']}",
        {"client_id": CLIENT_ID, "username": username, "password": password},
    )
    return token_for(base, result["result"])


def onboard(base: str, username: str, password: str, name: str = "Demo Owner") -> str:
    """Create the owner if needed and return an access token."""
    try:
        done = {step["step"] for step in call(base, "/api/onboarding") if step["done"]}
    except urllib.error.HTTPError as err:
        if err.code != 404:
            raise
        done = {"user"}  # onboarding finished: its API is gone
    if "user" in done:
        token = login(base, username, password)
    else:
        answer = call(
            base,
            "/api/onboarding/users",
            {
                "client_id": CLIENT_ID,
                "name": name,
                "username": username,
                "password": password,
                "language": "en",
            },
        )
        token = token_for(base, answer["auth_code"])
    # scripts/develop marks the other onboarding steps done before the first start.
    return token


def add_audit_trail(
    base: str, token: str, pg_url: str | None = None, pg_owner_url: str | None = None
) -> None:
    """Run Audit Trail's config flow (SQLite, or PostgreSQL at a URL) unless an entry exists."""
    entries = call(base, "/api/config/config_entries/entry", token=token)
    if any(entry["domain"] == "audit_trail" for entry in entries):
        return
    flow = call(base, "/api/config/config_entries/flow", {"handler": "audit_trail"}, token=token)
    step = f"/api/config/config_entries/flow/{flow['flow_id']}"
    backend = "postgresql" if pg_url else "sqlite"
    result = call(base, step, {"next_step_id": backend}, token=token)  # the menu: where the log is
    if pg_url and result.get("type") == "form":
        answer = {"url": pg_url, "instance": "demo"}
        if pg_owner_url:
            answer["owner_url"] = pg_owner_url
        result = call(base, step, answer, token=token)
    if result.get("type") != "create_entry":
        raise SystemExit(f"Audit Trail's config flow did not create an entry: {result}")


def main() -> None:
    """Parse arguments and onboard."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8123")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--name", default="Demo Owner", help="the owner's display name")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--postgres-url", help="keep the log on this PostgreSQL (writer role)")
    parser.add_argument("--postgres-owner-url", help="the role that runs schema changes")
    args = parser.parse_args()
    wait_until_up(args.url, args.timeout)
    token = onboard(args.url, args.username, args.password, args.name)
    add_audit_trail(args.url, token, args.postgres_url, args.postgres_owner_url)
    print(f"Home Assistant is ready at {args.url}/")
    print(f"  username: {args.username}")
    print(f"  password: {args.password}")


if __name__ == "__main__":
    main()
