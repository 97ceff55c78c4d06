"""PostgreSQL connections: driver errors translated once, and a small thread-safe read pool."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from .base import StoreError, StoreFullError

# SQLSTATEs of a full disk or of running out of memory or connection slots, which a retry
# later may get past: the writer keeps its queue (and spools) on StoreFullError.
_FULL = frozenset({"53100", "53200", "53300"})
# Idle read connections kept; more readers at once open one-off connections.
POOL_SIZE = 4
# Seconds a connection attempt may take (a server that does not answer must not hang a start).
CONNECT_TIMEOUT = 10


@contextmanager
def translate_errors(what: str) -> Iterator[None]:
    """Turn driver errors into store errors, once, at this boundary."""
    try:
        yield
    except psycopg.Error as err:
        state = getattr(err, "sqlstate", None)
        message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if state in _FULL:
            raise StoreFullError(
                f"{what}: the database server is out of space ({message})"
            ) from err
        raise StoreError(f"{what}: {message}") from err


def connect(url: str, autocommit: bool) -> psycopg.Connection[tuple[object, ...]]:
    """Open a connection to the store's database."""
    return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT)


class ReadPool:
    """Read connections (autocommit) handed to one thread at a time.

    A connection in use is never closed under its query: close() closes the idle ones and
    marks the others, which are closed when their read ends.
    """

    def __init__(self, url: str) -> None:
        self._url = url
        self._idle: list[psycopg.Connection[tuple[object, ...]]] = []
        self._lock = threading.Lock()
        self._pooling = False  # a closed store still answers, on one-off connections
        self._generation = 0

    def start(self) -> None:
        """Keep connections between reads from now on."""
        with self._lock:
            self._pooling = True

    def close(self) -> None:
        """Close the idle connections; those in use close when their read ends."""
        with self._lock:
            self._pooling = False
            self._generation += 1
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        """Lend a read connection for one read."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
            generation = self._generation
        if conn is None:
            conn = connect(self._url, autocommit=True)
            # Reads repeat a few statements over a partitioned log, where planning costs more
            # than running (measured: 7 of 11 ms of a whole-home state_at): prepare each on
            # first use, with one generic plan whose partitions are pruned when it runs.
            conn.prepare_threshold = 0
            conn.execute("SET plan_cache_mode = force_generic_plan")
        healthy = False
        try:
            yield conn
            healthy = True
        finally:
            with self._lock:
                keep = (
                    healthy
                    and self._pooling
                    and generation == self._generation
                    and not conn.closed
                    and len(self._idle) < POOL_SIZE
                )
                if keep:
                    self._idle.append(conn)
            if not keep:
                conn.close()
