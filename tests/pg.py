"""A real PostgreSQL for the tests: a fresh schema per test on the server scripts/lib.sh starts.

Skipped only when no server is configured (AUDIT_TRAIL_PG_URL unset) outside scripts/test;
scripts/test sets AUDIT_TRAIL_REQUIRE_PG=1, so there a missing server fails the tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql

WRITER_URL = os.environ.get("AUDIT_TRAIL_PG_URL", "")
OWNER_URL = os.environ.get("AUDIT_TRAIL_PG_OWNER_URL", "")
REQUIRED = os.environ.get("AUDIT_TRAIL_REQUIRE_PG") == "1"


def with_schema(url: str, schema: str) -> str:
    """Return a URL whose connections use only this schema."""
    options = quote(f"-csearch_path={schema}")
    return f"{url}{'&' if '?' in url else '?'}options={options}"


@dataclass(frozen=True)
class Place:
    """A schema of its own: the writer's and the owner's URLs into it."""

    schema: str
    writer_url: str
    owner_url: str

    def owner_sql(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run SQL as the owner role in this schema; return the rows (if any)."""
        with closing(psycopg.connect(self.owner_url, autocommit=True)) as conn:
            cur = conn.execute(query.encode() if not params else query, params or None)  # type: ignore[call-overload]
            return cur.fetchall() if cur.description else []

    def writer(self) -> psycopg.Connection[tuple[Any, ...]]:
        """Open a connection as the writer role."""
        return psycopg.connect(self.writer_url, autocommit=True)


def require_server() -> None:
    """Skip (or, under scripts/test, fail) when no PostgreSQL is configured."""
    if WRITER_URL and OWNER_URL:
        return
    if REQUIRED:
        pytest.fail(
            "AUDIT_TRAIL_REQUIRE_PG=1 but AUDIT_TRAIL_PG_URL is not set: PostgreSQL did not start"
        )
    pytest.skip("no PostgreSQL configured (scripts/test starts one: AUDIT_TRAIL_PG_URL)")


@contextmanager
def fresh_schema() -> Iterator[Place]:
    """Create an empty schema owned by the owner role; drop it (and all in it) afterwards."""
    require_server()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with closing(psycopg.connect(OWNER_URL, autocommit=True)) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield Place(schema, with_schema(WRITER_URL, schema), with_schema(OWNER_URL, schema))
    finally:
        with closing(psycopg.connect(OWNER_URL, autocommit=True)) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
