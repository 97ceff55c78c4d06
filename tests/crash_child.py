"""A real Home Assistant core recording a steady stream of changes until it is killed.

Run by test_crash.py as its own process: sets Audit Trail up through the config flow in the
given configuration directory, then changes sensors at about 2,000 a second, printing
"<count> <unix time>" after every 100 changes so the parent knows what was emitted when.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import time

from homeassistant import loader
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_test_home_assistant


async def main(config_dir: str) -> None:
    """Set up Audit Trail, then change states forever."""
    async with async_test_home_assistant(config_dir=config_dir) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
        # Audit Trail depends on websocket_api, hence http: give it a free loopback port so a
        # Home Assistant already running on 8123 (scripts/develop) does not get in the way.
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        http = {"server_host": "127.0.0.1", "server_port": port}
        assert await async_setup_component(hass, "http", {"http": http})
        flow = await hass.config_entries.flow.async_init("audit_trail", context={"source": "user"})
        await hass.config_entries.flow.async_configure(flow["flow_id"], {"next_step_id": "sqlite"})
        await hass.async_block_till_done()
        print("ready", time.time(), flush=True)  # noqa: T201
        count = 0
        while True:
            for _ in range(100):
                count += 1
                hass.states.async_set(f"sensor.s{count % 50}", str(count), {"n": count})
            await asyncio.sleep(0.05)  # about 2,000 changes/s: a busy home, within write speed
            print(count, time.time(), flush=True)  # noqa: T201


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
