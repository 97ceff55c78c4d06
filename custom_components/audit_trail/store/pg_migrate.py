"""Migrations of the PostgreSQL schema: ordered, each in its own transaction, recorded.

They run as the owner role when one is given (the writer role cannot change the schema), else
as the writer's own role, which then owns the tables: the privileges half of append-only holds
only with a separate owner (the triggers hold either way).
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from .base import StoreError
from .pg_pool import connect
from .pg_schema import MIGRATIONS, SCHEMA_VERSION, grants

# One lock id for every Audit Trail migrator of a database (two instances starting at once).
_LOCK = 0x41_75_64_69_74


def schema_version(conn: psycopg.Connection[tuple[Any, ...]]) -> int:
    """Return the schema version in the connection's current schema (0 when none)."""
    row = conn.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT max(version) FROM migrations").fetchone()
    return int(found[0]) if found and found[0] is not None else 0


def _writer_ready(conn: psycopg.Connection[tuple[Any, ...]]) -> bool:
    """Return whether the writer role may already append (schema current and granted)."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database schema {version} is newer than this Audit Trail ({SCHEMA_VERSION})"
        )
    if version < SCHEMA_VERSION:
        return False
    row = conn.execute("SELECT has_table_privilege('log', 'INSERT')").fetchone()
    return bool(row and row[0])


def ensure_schema(conn: psycopg.Connection[tuple[Any, ...]], owner_url: str | None) -> None:
    """Migrate and grant if needed; quick (two small queries) when the schema is current."""
    if _writer_ready(conn):
        return
    row = conn.execute("SELECT current_user").fetchone()
    writer = str(row[0]) if row else ""
    if owner_url is None:
        migrate(conn, writer)
        return
    owner = connect(owner_url, autocommit=True)
    try:
        migrate(owner, writer)
    finally:
        owner.close()


def migrate(conn: psycopg.Connection[tuple[Any, ...]], writer: str) -> int:
    """Bring the current schema to SCHEMA_VERSION, step by step; grant the writer its rights."""
    row = conn.execute("SELECT current_schema(), current_user").fetchone()
    if not row or row[0] is None:
        raise StoreError("no schema to create the tables in (check the search_path)")
    schema, owner = sql.Identifier(str(row[0])), str(row[1])
    first = None
    for step in range(SCHEMA_VERSION):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            version = schema_version(conn)  # another migrator may have run it meanwhile
            first = version if first is None else first
            if version > step:
                continue
            # Functions keep the search_path they were created with (SET ... FROM CURRENT).
            conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(schema))
            name, script = MIGRATIONS[step]
            conn.execute(script.encode())  # bytes: several statements, no placeholders
            conn.execute("INSERT INTO migrations (version, name) VALUES (%s, %s)", (step + 1, name))
    if writer != owner:
        with conn.transaction():
            conn.execute(sql.SQL(grants(writer).replace("{schema}", "{}")).format(schema))
    return first or 0
