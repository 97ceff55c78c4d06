"""A PostgreSQL cluster a test owns: made with initdb, started and stopped with pg_ctl.

For the outage tests, which stop the server under a running Home Assistant. Debian's server
binaries are used (scripts/lib.sh installs them, in the sid root too); as root, the server
runs as the postgres user, which it requires.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from .pg import REQUIRED


def server_binaries() -> Path | None:
    """Return the newest PostgreSQL server's bin directory, if one is installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _port() -> int:
    """Return a port for this process (sockets are blocked in tests: no probing for a free one)."""
    return 56000 + os.getpid() % 4000


class Cluster:
    """A throwaway cluster on 127.0.0.1 with one database and one password role."""

    def __init__(self) -> None:
        binaries = server_binaries()
        if binaries is None:
            if REQUIRED:
                pytest.fail(
                    "PostgreSQL's server binaries are missing (scripts/lib.sh installs them)"
                )
            pytest.skip("PostgreSQL's server binaries are not installed")
        self.bin = binaries
        self.dir = Path(tempfile.mkdtemp(prefix="audit-trail-pgint-"))
        self.port = _port()
        self.url = f"postgresql://audit:audit@127.0.0.1:{self.port}/audit"
        try:
            if os.getuid() == 0:
                shutil.chown(self.dir, "postgres")
            self._run("initdb", "-D", str(self.dir / "data"), "-U", "postgres", "-A", "trust")
            self.start()
            with closing(psycopg.connect(self._admin_url(), autocommit=True)) as conn:
                conn.execute("CREATE ROLE audit LOGIN PASSWORD 'audit'")
                conn.execute("CREATE DATABASE audit OWNER audit")
        except BaseException:
            self.remove()  # a cluster that did not come up leaves nothing behind
            raise

    def _admin_url(self) -> str:
        return f"postgresql://postgres@/postgres?host={self.dir}&port={self.port}"

    def _as_server(self) -> dict[str, str]:
        """Return subprocess's arguments that run a tool as the postgres user when we are root."""
        return {"user": "postgres", "group": "postgres"} if os.getuid() == 0 else {}

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        subprocess.run(  # noqa: S603
            command, check=True, capture_output=True, timeout=120, cwd=self.dir, **self._as_server()
        )

    def start(self) -> None:
        """Start the server (listening on 127.0.0.1 and a socket in its directory only)."""
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
        log = str(self.dir / "server.log")
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-o", options, "-l", log, "-w", "start")

    def running(self) -> bool:
        """Tell whether the server runs (pg_ctl status)."""
        command = [str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "status"]
        done = subprocess.run(  # noqa: S603
            command, check=False, capture_output=True, cwd=self.dir, **self._as_server()
        )
        return done.returncode == 0

    def stop(self) -> None:
        """Stop the server at once: clients are disconnected mid-transaction (-m fast)."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete the cluster."""
        if self.running():
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
