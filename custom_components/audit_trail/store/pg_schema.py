"""Pure: the PostgreSQL schema, its invariants as triggers and privileges, and its migrations.

Every key starts with `instance`, so several Home Assistant instances share one database, each
with its own seq and hash chain, and the log could be distributed by instance (Citus:
`create_distributed_table(table, 'instance')` on every table, all co-located) without a change.
The log is one table partitioned by month of `time_us`; partitions are created ahead of time by
a SECURITY DEFINER function, so the writer role needs no right to change the schema.
"""

from __future__ import annotations

from typing import Final

SCHEMA_VERSION: Final = 1

# Columns the writer fills, in COPY order (the SQLite backend's log columns, plus instance).
LOG_COLUMNS: Final = (
    "instance",
    "seq",
    "time_us",
    "event_type",
    "entity",
    "meta",
    "old_state",
    "new_state",
    "old_attrs",
    "new_attrs",
    "last_changed_d",
    "last_updated_d",
    "context_id",
    "context_user_id",
    "context_parent_id",
    "actor",
    "cause",
    "causation_seq",
    "payload",
    "v",
    "hash",
)

# Tables the writer may only INSERT into and SELECT from (append-only, twice: triggers abort
# UPDATE and DELETE, and the writer role is granted nothing else).
APPEND_ONLY: Final = ("log", "names", "metas", "causes", "attrs", "months", "releases", "bridges")

_TABLES = """
CREATE TABLE migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
-- Interned text: entity ids, event types and actors.
CREATE TABLE names (
    instance text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    PRIMARY KEY (instance, id),
    UNIQUE (instance, name)
);
-- Entity registry facts, causes and attribute sets, each stored once (found by a digest).
CREATE TABLE metas (
    instance text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    digest bytea NOT NULL,
    registry_id text,
    device_id text,
    area_id text,
    platform text,
    PRIMARY KEY (instance, id),
    UNIQUE (instance, digest)
);
CREATE TABLE causes (
    instance text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    digest bytea NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (instance, id),
    UNIQUE (instance, digest)
);
CREATE TABLE attrs (
    instance text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    hash bytea NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (instance, id),
    UNIQUE (instance, hash)
);
CREATE TABLE log (
    instance text NOT NULL,
    seq bigint NOT NULL,
    time_us bigint NOT NULL,
    event_type bigint NOT NULL,
    entity bigint,
    meta bigint,
    old_state text,
    new_state text,
    old_attrs bigint,
    new_attrs bigint,
    last_changed_d bigint,
    last_updated_d bigint,
    context_id text,
    context_user_id text,
    context_parent_id text,
    actor bigint,
    cause bigint NOT NULL,
    causation_seq bigint,
    payload text,
    v smallint NOT NULL,
    hash bytea NOT NULL,
    -- A partitioned table's keys must hold its partition key; seq alone is kept unique by
    -- log_seq_increases.
    PRIMARY KEY (instance, seq, time_us)
) PARTITION BY RANGE (time_us);
CREATE INDEX log_entity_time ON log (instance, entity, time_us, seq) WHERE entity IS NOT NULL;
CREATE INDEX log_actor_time ON log (instance, actor, time_us) WHERE actor IS NOT NULL;
CREATE INDEX log_context ON log (instance, context_id) WHERE context_id IS NOT NULL;
CREATE INDEX log_time ON log (instance, time_us);
-- Each month an instance wrote: where its chain continues (as a SQLite partition's meta).
CREATE TABLE months (
    instance text NOT NULL,
    month text NOT NULL,
    first_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    created_us bigint NOT NULL,
    PRIMARY KEY (instance, month)
);
-- Months an instance's retention let go; the partition goes once no instance keeps it.
CREATE TABLE releases (
    instance text NOT NULL,
    month text NOT NULL,
    released_us bigint NOT NULL,
    PRIMARY KEY (instance, month)
);
-- Hashes of rows that retention took out of the middle of a chain (a late row, whose time
-- put it in an older partition than its seq): verify continues after them from these.
CREATE TABLE bridges (
    instance text NOT NULL,
    seq bigint NOT NULL,
    hash bytea NOT NULL,
    PRIMARY KEY (instance, seq)
);
-- Derived, so rewritten: each entity's newest seq, and each instance's newest seq.
CREATE TABLE latest (
    instance text NOT NULL,
    entity bigint NOT NULL,
    seq bigint NOT NULL,
    time_us bigint NOT NULL,  -- the row's, so reading it back looks in one partition
    PRIMARY KEY (instance, entity)
);
CREATE TABLE heads (instance text PRIMARY KEY, seq bigint NOT NULL);
"""

_FUNCTIONS = r"""
CREATE FUNCTION audit_trail_month_us(month text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT (extract(epoch FROM (month || '-01')::timestamp AT TIME ZONE 'UTC') * 1000000)::bigint
$$;
CREATE FUNCTION audit_trail_next_month(month text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT to_char((month || '-01')::date + interval '1 month', 'YYYY-MM')
$$;

CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail: % rows are append-only', TG_ARGV[0]
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- Seqs of each instance must continue its head by one, without gaps or repeats: checked once
-- per statement (a COPY or a multi-row INSERT), not per row. SECURITY DEFINER: the writer
-- role may not change heads itself.
CREATE FUNCTION audit_trail_seq_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    r record;
    head bigint;
BEGIN
    FOR r IN SELECT instance, min(seq) AS lo, max(seq) AS hi, count(*) AS n,
                    count(DISTINCT seq) AS d
             FROM new_rows GROUP BY instance LOOP
        SELECT seq INTO head FROM heads WHERE instance = r.instance FOR UPDATE;
        IF NOT FOUND THEN
            head := r.lo - 1;  -- a chain may start anywhere (a copy of a trimmed log)
            INSERT INTO heads (instance, seq) VALUES (r.instance, r.hi);
        ELSE
            UPDATE heads SET seq = r.hi WHERE instance = r.instance;
        END IF;
        IF r.lo <> head + 1 OR r.hi - r.lo + 1 <> r.n OR r.d <> r.n THEN
            RAISE EXCEPTION 'audit_trail: seq must increase (instance %, head %, got % to %)',
                r.instance, head, r.lo, r.hi USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- Create a month's partition if missing; true if it was created.
CREATE FUNCTION audit_trail_create_month(month text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    part text := 'log_' || replace(month, '-', '_');
BEGIN
    IF month !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        RAISE EXCEPTION 'audit_trail: not a month: %', month USING ERRCODE = 'data_exception';
    END IF;
    IF to_regclass(part) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF log FOR VALUES FROM (%s) TO (%s)', part,
        audit_trail_month_us(month), audit_trail_month_us(audit_trail_next_month(month)));
    -- A statement trigger on the parent does not fire for a partition truncated by name.
    EXECUTE format('CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
        'EXECUTE FUNCTION audit_trail_append_only(%L)', part, 'log');
    RETURN true;
EXCEPTION WHEN duplicate_table THEN
    RETURN false;  -- another writer created it first
END $$;

-- The first instant each instance still keeps (the start of its oldest month not released).
CREATE VIEW floors AS
    SELECT m.instance, audit_trail_month_us(min(m.month)) AS floor_us
    FROM months AS m
    WHERE NOT EXISTS (
        SELECT 1 FROM releases AS r WHERE r.instance = m.instance AND r.month = m.month)
    GROUP BY m.instance;

-- Detach and drop every partition that no instance keeps: one whose rows all belong to
-- instances whose oldest kept month starts after it. Returns the partitions dropped.
CREATE FUNCTION audit_trail_prune() RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    part text;
    hi bigint;
    kept_from bigint;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'log'::regclass ORDER BY c.relname LOOP
        hi := audit_trail_month_us(audit_trail_next_month(
            replace(substr(part, 5), '_', '-')));
        EXECUTE format('SELECT min(f.floor_us) FROM floors AS f WHERE EXISTS '
            '(SELECT 1 FROM %I AS x WHERE x.instance = f.instance)', part) INTO kept_from;
        IF kept_from IS NULL THEN  -- empty: old ones go, those made ahead of time stay
            SELECT min(floor_us) INTO kept_from FROM floors;
        END IF;
        IF kept_from IS NOT NULL AND hi <= kept_from THEN
            EXECUTE format('ALTER TABLE log DETACH PARTITION %I', part);
            EXECUTE format('DROP TABLE %I', part);
            RETURN NEXT part;
        END IF;
    END LOOP;
END $$;
"""

_TRIGGERS = (
    """
CREATE TRIGGER log_seq_increases AFTER INSERT ON log REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_seq_check();
CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON log
FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only('log');
"""
    + "".join(
        f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE OR DELETE ON {table}
FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only('{table}');
"""
        for table in APPEND_ONLY
    )
    + "".join(
        f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only('{table}');
"""
        for table in APPEND_ONLY
        if table != "log"
    )
)

# Functions run with the caller's rights unless granted; PUBLIC may run none of them.
_REVOKE = """
REVOKE ALL ON FUNCTION audit_trail_create_month(text), audit_trail_prune(),
    audit_trail_seq_check(), audit_trail_append_only() FROM PUBLIC;
"""

# Ordered migrations: index i moves the schema from version i to i + 1, in one transaction,
# recorded in `migrations`. A migration never rewrites log rows.
MIGRATIONS: Final[tuple[tuple[str, str], ...]] = (
    ("create the log", _TABLES + _FUNCTIONS + _TRIGGERS + _REVOKE),
)


def grants(writer: str) -> str:
    """Return the grants that let a writer role append and read, and nothing more."""
    role = '"' + writer.replace('"', '""') + '"'
    return f"""
GRANT USAGE ON SCHEMA {{schema}} TO {role};
GRANT SELECT, INSERT ON {", ".join(APPEND_ONLY)} TO {role};
GRANT SELECT, INSERT, UPDATE ON latest TO {role};
GRANT SELECT ON heads, migrations, floors TO {role};
GRANT EXECUTE ON FUNCTION audit_trail_create_month(text), audit_trail_prune() TO {role};
"""


# Columns of ROW_SELECT, by position: the SQLite backend's, so its decoder reads both.
ROW_SELECT: Final = """
SELECT l.seq, l.time_us, et.name, en.name, m.registry_id, m.device_id, m.area_id, m.platform,
       l.old_state, l.new_state, l.last_changed_d, l.last_updated_d,
       l.context_id, l.context_user_id, l.context_parent_id, ac.name, c.json, l.causation_seq,
       l.payload, l.v, l.hash, a1.json, a2.json, a1.hash, a2.hash, l.old_attrs, l.new_attrs,
       l.meta, l.cause
FROM {source} AS l
LEFT JOIN names AS et ON et.instance = l.instance AND et.id = l.event_type
LEFT JOIN names AS en ON en.instance = l.instance AND en.id = l.entity
LEFT JOIN metas AS m ON m.instance = l.instance AND m.id = l.meta
LEFT JOIN names AS ac ON ac.instance = l.instance AND ac.id = l.actor
LEFT JOIN causes AS c ON c.instance = l.instance AND c.id = l.cause
LEFT JOIN attrs AS a1 ON a1.instance = l.instance AND a1.id = l.old_attrs
LEFT JOIN attrs AS a2 ON a2.instance = l.instance AND a2.id = l.new_attrs
"""


def row_select(source: str = "log") -> str:
    """Return ROW_SELECT over a table or a subquery (named l)."""
    return ROW_SELECT.replace("{source}", source)


# Store-once tables: (key column, value columns, their array types) for interning in bulk.
INTERNED: Final = {
    "names": ("name", (), ("text",)),
    "metas": (
        "digest",
        ("registry_id", "device_id", "area_id", "platform"),
        ("bytea",) + ("text",) * 4,
    ),
    "causes": ("digest", ("json",), ("bytea", "text")),
    "attrs": ("hash", ("json",), ("bytea", "text")),
}


def intern_sql(table: str) -> str:
    """Return one statement that inserts new keys of a store-once table and returns every id.

    The SELECT half sees the rows from before the statement, the INSERT half's RETURNING the
    new ones: together each key once.
    """
    key, values, types = INTERNED[table]
    columns = (key, *values)
    arrays = ", ".join(f"%s::{t}[]" for t in types)
    return (
        f"WITH ins AS (INSERT INTO {table} (instance, {', '.join(columns)}) "
        f"SELECT %s, * FROM unnest({arrays}) ON CONFLICT DO NOTHING RETURNING {key}, id) "
        f"SELECT {key}, id FROM ins UNION ALL "
        f"SELECT {key}, id FROM {table} WHERE instance = %s AND {key} = ANY(%s)"
    )
