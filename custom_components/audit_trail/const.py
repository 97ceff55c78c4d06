"""Names and limits of Audit Trail (every limit says why it is what it is)."""

from __future__ import annotations

import re
from typing import Final

DOMAIN: Final = "audit_trail"
# "Until forever" for reads by time (and "after the newest row" for seq cursors).
END_OF_TIME_US: Final = 2**62
TITLE: Final = "Audit Trail"

# Options (config entry options; every one has a default so an entry created with none works).
CONF_INCLUDE_DOMAINS: Final = "include_domains"
CONF_INCLUDE_ENTITIES: Final = "include_entities"
CONF_INCLUDE_GLOBS: Final = "include_globs"
CONF_EXCLUDE_DOMAINS: Final = "exclude_domains"
CONF_EXCLUDE_ENTITIES: Final = "exclude_entities"
CONF_EXCLUDE_GLOBS: Final = "exclude_globs"
CONF_RETENTION_LEVEL: Final = "retention_level"
CONF_TRANSITIONS_ONLY: Final = "transitions_only"
CONF_SELECTED_ONLY: Final = "selected_only"
CONF_SELECTED_ATTRIBUTES: Final = "selected_attributes"
CONF_EXCLUDED_ATTRIBUTES: Final = "excluded_attributes"
CONF_KEEP_MONTHS: Final = "keep_months"
CONF_ARCHIVE_DROPPED: Final = "archive_dropped"
CONF_SENSORS: Final = "sensors"  # user-defined sensors: a list of small dicts (see sensor.py)
CONF_SOURCE: Final = "source"
CONF_OFFSET: Final = "offset"
CONF_NAME: Final = "name"
SENSOR_STATE_AGO: Final = "state_ago"
SENSOR_LAST_CHANGED_BY: Final = "last_changed_by"

LEVEL_FULL: Final = "full"
LEVEL_SELECTED: Final = "selected"
LEVEL_TRANSITIONS: Final = "transitions"
LEVELS: Final = (LEVEL_FULL, LEVEL_SELECTED, LEVEL_TRANSITIONS)

# Personal data that never reaches the immutable log unless the user removes it from the list:
# positions (device_tracker, person, zone-aware sensors) and short-lived secrets (camera tokens,
# which also rotate every few minutes and would otherwise write a row each time).
DEFAULT_EXCLUDED_ATTRIBUTES: Final = (
    "latitude",
    "longitude",
    "gps_accuracy",
    "altitude",
    "access_token",
    "entity_picture",
)
# What "selected" keeps when the user lists nothing: the attributes that explain a value.
DEFAULT_SELECTED_ATTRIBUTES: Final = ("unit_of_measurement", "device_class", "friendly_name")

DEFAULT_OPTIONS: Final[dict[str, object]] = {
    CONF_INCLUDE_DOMAINS: [],
    CONF_INCLUDE_ENTITIES: [],
    CONF_INCLUDE_GLOBS: [],
    CONF_EXCLUDE_DOMAINS: [],
    CONF_EXCLUDE_ENTITIES: [],
    CONF_EXCLUDE_GLOBS: [],
    CONF_RETENTION_LEVEL: LEVEL_FULL,
    CONF_TRANSITIONS_ONLY: [],
    CONF_SELECTED_ONLY: [],
    CONF_SELECTED_ATTRIBUTES: list(DEFAULT_SELECTED_ATTRIBUTES),
    CONF_EXCLUDED_ATTRIBUTES: list(DEFAULT_EXCLUDED_ATTRIBUTES),
    CONF_KEEP_MONTHS: 0,
    CONF_ARCHIVE_DROPPED: True,
}

# Where the log is kept (config entry data; entries made before this key existed are SQLite).
CONF_BACKEND: Final = "backend"
BACKEND_SQLITE: Final = "sqlite"
BACKEND_POSTGRESQL: Final = "postgresql"
CONF_URL: Final = "url"
CONF_OWNER_URL: Final = "owner_url"  # optional: the role that runs schema changes
CONF_INSTANCE: Final = "instance"  # several Home Assistants share one database, one chain each
CONF_COPY_SQLITE: Final = "copy_sqlite"  # copy this machine's SQLite log into PostgreSQL once
DEFAULT_INSTANCE: Final = "default"
# Instance ids name a Home Assistant in a shared database: short, and safe in any log line.
INSTANCE_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
# The driver, installed with Home Assistant's requirements helper only when PostgreSQL is
# chosen (a SQLite user on any platform never needs it). 3.3.9 has binary wheels for
# CPython 3.13 and 3.14 on x86_64 (manylinux, musllinux) and aarch64 musllinux (Home Assistant
# OS and the container image). Where the binary build has no wheel (armv7, glibc aarch64),
# psycopg alone is installed instead: pure Python, it needs the system's libpq library.
PG_REQUIREMENT: Final = "psycopg[binary]==3.3.9"
PG_REQUIREMENT_FALLBACK: Final = "psycopg==3.3.9"
# The oldest PostgreSQL accepted: 14 is the oldest release still supported upstream in 2026,
# and declarative partitions with partitioned indexes and detach work as the store uses them.
PG_MIN_SERVER_VERSION: Final = 140000
# A connection attempt gives up after this long: a config flow answers within the UI's
# patience, and an unreachable server at start costs at most this much of a background task.
PG_CONNECT_TIMEOUT_S: Final = 5

# The local spool that holds changes while the PostgreSQL server is unreachable.
SPOOL_FILENAME: Final = "postgres_spool.db"
# At most this many spooled changes: a busy home writes 5 to 20 changes a second, so about a
# day of outage fits; past it, further changes are counted and recorded as one gap row.
SPOOL_MAX_ROWS: Final = 1_000_000
# And at most this much on disk (bytes of spooled rows): keeps an SD card from filling up
# during a long outage whatever the size of the attribute sets.
SPOOL_MAX_BYTES: Final = 512 * 1024 * 1024
# Spooled changes are forwarded in chunks of this many rows, each its own transaction, so a
# second outage in the middle of forwarding repeats at most one chunk's worth of checking.
SPOOL_DRAIN_ROWS: Final = 2000
# How often an unreachable server is tried again (one connection attempt at a time; new changes
# only go to the spool meanwhile), and a spool left with rows is forwarded. Recovery after an
# outage waits for the next try, then the drain (bench/RESULTS.md).
SPOOL_RETRY_S: Final = 5.0

# Where the store lives, relative to the Home Assistant configuration directory.
STORE_DIRNAME: Final = "audit_trail"

# Writer limits.
# Commit at least this often so a crash loses at most about this much (documented in the README).
COMMIT_INTERVAL_S: Final = 1.0
# What the README promises a SIGKILL keeps: every change acknowledged more than this long
# before the kill, measured under the fastest storm this machine's Home Assistant answers
# (bench/process.py; tests/test_crash_load.py checks it in a real process).
CRASH_BOUND_S: Final = 1.0
# Rows per transaction: large enough to amortise fsync, small enough to keep a commit well
# under the commit interval on a Raspberry Pi class machine.
BATCH_MAX_ROWS: Final = 2000
# Records held in memory between the event loop and the writer. A burst of 100,000 changes
# fits; past it, records spill to a journal file on disk instead of being dropped.
QUEUE_MAX: Final = 200_000
# How long the final flush at Home Assistant stop may take before we record the rest as lost.
FINAL_FLUSH_TIMEOUT_S: Final = 30.0

# Causation limits.
# Contexts remembered for resolving causes: covers minutes of a busy home; older contexts are
# long finished, and a cause whose context fell out is recorded as "unknown", never guessed.
CONTEXT_MEMO_MAX: Final = 20_000
# Home Assistant lets an entity keep the caller's context for 5 s after an action call
# (CONTEXT_RECENT_TIME_SECONDS in helpers/entity.py). A second change of the same entity under
# the same context after this long is probably a physical change blamed on the caller.
STALE_CONTEXT_S: Final = 2.0

# Attribute payloads above this size (bytes of canonical JSON) are replaced by a marker row
# field rather than written: keeps one misbehaving integration from filling the disk.
MAX_ATTRIBUTES_BYTES: Final = 256 * 1024

PAYLOAD_VERSION: Final = 1
CAUSE_VERSION: Final = 1

SIGNAL_COMMITTED: Final = f"{DOMAIN}_committed"
