"""The card and panel: the integration serves its own bundle and adds the admins' panel."""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components import frontend
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant, callback

FRONTEND_DIR = Path(__file__).parent / "frontend"
BUNDLE = "audit-trail.js"
STATIC_URL = "/audit_trail/frontend"
PANEL_URL_PATH = "audit-trail"  # the sidebar entry's address: /audit-trail
PANEL_ELEMENT = "audit-trail-panel"
PANEL_ICON = "mdi:timeline-clock-outline"


def bundle_url() -> str:
    """Return the bundle's address, versioned by its content (static files are cached 31 days)."""
    digest = hashlib.sha256((FRONTEND_DIR / BUNDLE).read_bytes()).hexdigest()[:12]
    return f"{STATIC_URL}/{BUNDLE}?v={digest}"


async def async_register_static(hass: HomeAssistant) -> None:
    """Serve the bundle's folder once per Home Assistant run (routes cannot be removed)."""
    await hass.http.async_register_static_paths(
        [StaticPathConfig(STATIC_URL, str(FRONTEND_DIR), cache_headers=True)]
    )


@callback
def async_show(hass: HomeAssistant, url: str) -> None:
    """Load the card on every page and add the panel (admins only)."""
    frontend.add_extra_js_url(hass, url)
    frontend.async_register_built_in_panel(
        hass,
        component_name="custom",
        sidebar_title="Audit Trail",
        sidebar_icon=PANEL_ICON,
        frontend_url_path=PANEL_URL_PATH,
        config={
            "_panel_custom": {
                "name": PANEL_ELEMENT,
                "module_url": url,
                "embed_iframe": False,
                "trust_external": False,
            }
        },
        require_admin=True,
    )


@callback
def async_hide(hass: HomeAssistant, url: str) -> None:
    """Take the card's script and the panel away again (the entry unloads)."""
    frontend.remove_extra_js_url(hass, url)
    frontend.async_remove_panel(hass, PANEL_URL_PATH)
