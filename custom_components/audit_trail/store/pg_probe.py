"""Checks a PostgreSQL server before Audit Trail uses it, and tells outages from other errors.

Imports the driver only when called: a SQLite user never has psycopg installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ..const import PG_CONNECT_TIMEOUT_S, PG_MIN_SERVER_VERSION
from .base import StoreUnavailableError
from .pg_schema import APPEND_ONLY

if TYPE_CHECKING:
    import psycopg

# The tables the writer role needs SELECT and INSERT on (and UPDATE on `latest`).
AUDIT_TABLES = (*APPEND_ONLY, "latest")
# Words of libpq's and the server's messages that mean the sign-in was refused: connection
# failures carry no SQLSTATE in psycopg, so the message is all there is.
_AUTH_WORDS = (
    "password authentication failed",
    "authentication failed",
    "no pg_hba.conf entry",
    "password is required",
)
_PASSWORD_PARAM = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)


class ProbeError(Exception):
    """The server cannot be used as it is; `key` names why (a config flow error key)."""

    def __init__(self, key: str, detail: str) -> None:
        super().__init__(detail)
        self.key = key


@dataclass(frozen=True, slots=True)
class ServerFacts:
    """What the probe found out about the server."""

    version: int
    schema_exists: bool


def redact_url(url: str) -> str:
    """Return a connection URL (or key=value string) with its password replaced."""
    if "://" not in url:
        return _PASSWORD_PARAM.sub(r"\1**REDACTED**", url)
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:**REDACTED**@{host}"
    query = _PASSWORD_PARAM.sub(r"\1**REDACTED**", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def scrub(text: str, *urls: str | None) -> str:
    """Remove the passwords of these URLs from a message (drivers sometimes echo them)."""
    for url in urls:
        password = _password_of(url) if url else None
        if password:
            text = text.replace(password, "**REDACTED**")
    return text


def _password_of(url: str) -> str | None:
    """Return the password a connection URL carries, if any."""
    if "://" in url:
        return urlsplit(url).password
    match = _PASSWORD_PARAM.search(url)
    return match.group(2).strip("'") if match else None


def is_outage(err: BaseException) -> bool:
    """Tell whether an error means the server is unreachable or refuses us for now.

    Those are worth spooling and retrying; a bug or a constraint violation is not.
    """
    import psycopg

    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, (StoreUnavailableError, psycopg.OperationalError)):
            return True
        if isinstance(seen, psycopg.InterfaceError):  # "the connection is closed"
            return True
        seen = seen.__cause__
    return False


def _connect(url: str) -> psycopg.Connection[Any]:
    """Open a connection, turning every refusal into a ProbeError with its key."""
    import psycopg

    try:
        return psycopg.connect(url, connect_timeout=PG_CONNECT_TIMEOUT_S, autocommit=True)
    except psycopg.ProgrammingError as err:  # a URL or option libpq cannot parse
        raise ProbeError("invalid_url", scrub(str(err), url)) from err
    except psycopg.OperationalError as err:
        text = scrub(str(err), url)
        lowered = text.lower()
        unknown_role = 'role "' in lowered and "does not exist" in lowered
        if unknown_role or any(word in lowered for word in _AUTH_WORDS):
            raise ProbeError("invalid_auth", text) from err
        raise ProbeError("cannot_connect", text) from err


def _existing_tables(conn: psycopg.Connection[Any]) -> list[str]:
    """Return which of the audit tables exist in the connection's current schema."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = ANY(%s) AND c.relkind IN ('r', 'p')",
        (list(AUDIT_TABLES),),
    ).fetchall()
    return sorted(str(row[0]) for row in rows)


def _can_create(conn: psycopg.Connection[Any]) -> bool:
    """Tell whether the connection's role may create tables in its current schema."""
    row = conn.execute(
        "SELECT current_schema() IS NOT NULL AND has_schema_privilege(current_schema(), 'CREATE')"
    ).fetchone()
    return bool(row and row[0])


def _check_writer(conn: psycopg.Connection[Any], migrates: bool) -> bool:
    """Check the writer may read and append (and create the schema when it migrates).

    With an owner role, the owner grants the writer its rights when it migrates: only
    the owner's right to create is checked then.
    """
    tables = _existing_tables(conn)
    missing = []
    for table in tables if migrates else ():
        row = conn.execute(
            "SELECT has_table_privilege(%s, 'SELECT') AND has_table_privilege(%s, 'INSERT')",
            (table, table),
        ).fetchone()
        if not (row and row[0]):
            missing.append(table)
    if missing:
        raise ProbeError("missing_privileges", f"SELECT and INSERT on {', '.join(missing)}")
    if not tables and migrates and not _can_create(conn):
        raise ProbeError("missing_privileges", "CREATE in the current schema")
    return bool(tables)


def probe(url: str, owner_url: str | None = None) -> ServerFacts:
    """Connect as the writer (and the owner), check the version and the privileges."""
    with _connect(url) as conn:
        version = conn.info.server_version
        if version < PG_MIN_SERVER_VERSION:
            raise ProbeError("server_too_old", str(version))
        exists = _check_writer(conn, migrates=owner_url is None)
    if owner_url:
        with _connect(owner_url) as owner:
            if not _can_create(owner):
                raise ProbeError("missing_privileges", "CREATE in the owner's current schema")
    return ServerFacts(version=version, schema_exists=exists)
