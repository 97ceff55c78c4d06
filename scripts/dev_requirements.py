"""Print the pip requirements of the components a configuration loads, dependencies included.

Run with the Home Assistant environment's Python: `python scripts/dev_requirements.py frontend ...`.
Reading the manifests of the installed Home Assistant keeps the demo in step with its version, so
Home Assistant finds every package already installed and never tries to fetch one at start.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import homeassistant.components
from homeassistant import bootstrap
from homeassistant.auth.mfa_modules import totp


def requirements(domains: list[str]) -> list[str]:
    """Return the requirements of the domains and everything they depend on."""
    base = Path(homeassistant.components.__path__[0])
    seen: set[str] = set()
    reqs: set[str] = set()
    # Home Assistant sets these up whatever the configuration says (bootstrap's own lists).
    todo = [
        *domains,
        *bootstrap.CORE_INTEGRATIONS,
        *bootstrap.DEFAULT_INTEGRATIONS,
        *bootstrap.LOGGING_AND_HTTP_DEPS_INTEGRATIONS,
        *bootstrap.FRONTEND_INTEGRATIONS,
    ]
    while todo:
        domain = todo.pop()
        manifest_path = base / domain / "manifest.json"
        if domain in seen or not manifest_path.exists():
            continue
        seen.add(domain)
        manifest = json.loads(manifest_path.read_text())
        reqs.update(manifest.get("requirements", []))
        todo.extend(manifest.get("dependencies", []))
    # Home Assistant's start-up also loads the TOTP auth module, which has its own requirements.
    reqs.update(totp.REQUIREMENTS)
    return sorted(reqs)


if __name__ == "__main__":
    print("\n".join(requirements(sys.argv[1:])))
