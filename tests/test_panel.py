"""The card's bundle, the admins' panel and the export download, as a browser meets them."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import orjson
from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import Context, HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.audit_trail.panel import FRONTEND_DIR, PANEL_URL_PATH

from .helpers import flush


def module_urls(hass: HomeAssistant) -> set[str]:
    """Return the extra module URLs every page of the frontend loads."""
    return set(hass.data[DATA_EXTRA_MODULE_URL].urls)


async def test_the_bundle_is_served_and_loaded_on_every_page(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    url = loaded_entry.runtime_data.panel_url
    assert url is not None
    assert url in module_urls(hass)
    bundle = (FRONTEND_DIR / "audit-trail.js").read_bytes()
    assert url.endswith(hashlib.sha256(bundle).hexdigest()[:12])  # a new build, a new URL
    client = await hass_client()
    response = await client.get(url)
    assert response.status == 200
    assert response.content_type in ("application/javascript", "text/javascript")
    assert await response.read() == bundle
    assert "custom:audit-trail-card" in bundle.decode() or b"audit-trail-card" in bundle
    ws = await hass_ws_client()
    await ws.send_json({"id": 1, "type": "frontend/subscribe_extra_js"})
    assert (await ws.receive_json())["success"]
    assert await hass.config_entries.async_unload(loaded_entry.entry_id)
    removed = await ws.receive_json()
    assert removed["event"] == {"change_type": "removed", "item": {"type": "module", "url": url}}
    assert url not in module_urls(hass)
    assert await hass.config_entries.async_setup(loaded_entry.entry_id)
    added = await ws.receive_json()
    assert added["event"]["change_type"] == "added"


async def test_the_panel_is_for_admins_only(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    admin = await hass_ws_client()
    await admin.send_json({"id": 1, "type": "get_panels"})
    panel = (await admin.receive_json())["result"][PANEL_URL_PATH]
    assert panel["require_admin"] is True
    assert panel["title"] == "Audit Trail"
    assert panel["config"]["_panel_custom"]["name"] == "audit-trail-panel"
    assert panel["config"]["_panel_custom"]["module_url"] == loaded_entry.runtime_data.panel_url
    reader = await hass_ws_client(hass, hass_read_only_access_token)
    await reader.send_json({"id": 1, "type": "get_panels"})
    assert PANEL_URL_PATH not in (await reader.receive_json())["result"]
    assert await hass.config_entries.async_unload(loaded_entry.entry_id)
    await admin.send_json({"id": 2, "type": "get_panels"})
    assert PANEL_URL_PATH not in (await admin.receive_json())["result"]


async def test_export_download_is_admin_only_and_hashed(
    hass: HomeAssistant,
    loaded_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    hass_read_only_access_token: str,
    hass_admin_user: Any,
) -> None:
    user = Context(user_id=hass_admin_user.id)
    hass.states.async_set("light.hall", "on", context=user)
    hass.states.async_set("light.porch", "on", context=user)
    hass.states.async_set("light.hall", "off", context=user)
    await flush(hass, loaded_entry)
    admin = await hass_client()
    path = "/api/audit_trail/export"
    response = await admin.get(path, params={"start": "-1h", "entity_id": "light.hall"})
    assert response.status == 200
    body = await response.read()
    assert response.headers["X-Audit-Trail-SHA256"] == hashlib.sha256(body).hexdigest()
    assert "attachment" in response.headers["Content-Disposition"]
    events = [orjson.loads(line) for line in body.splitlines()]
    assert [(e["entity_id"], e["new_state"]) for e in events] == [
        ("light.hall", "on"),
        ("light.hall", "off"),
    ]
    assert events[0]["cause"]["user_name"] == hass_admin_user.name
    downloads = loaded_entry.runtime_data.store.directory / "exports" / "downloads"
    for _ in range(200):  # the view removes the file after the last byte is sent
        if not list(downloads.iterdir()):
            break
        await asyncio.sleep(0.01)
    assert list(downloads.iterdir()) == []
    csv = await admin.get(path, params={"start": "-1h", "format": "csv"})
    text = await csv.text()
    assert text.startswith("seq,time,event_type")
    assert csv.headers["X-Audit-Trail-SHA256"] == hashlib.sha256(text.encode()).hexdigest()
    bad = await admin.get(path, params={"start": "-1h", "format": "xml"})
    assert bad.status == 400
    assert (await bad.json())["translation_key"] == "invalid_format"
    late = await admin.get(path, params={"start": "whenever"})
    assert (await late.json())["translation_key"] == "invalid_time"
    reader = await hass_client(hass_read_only_access_token)
    assert (await reader.get(path, params={"start": "-1h"})).status == 403
    anonymous = await hass_client_no_auth()
    assert (await anonymous.get(path, params={"start": "-1h"})).status == 401
