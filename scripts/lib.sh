# shellcheck shell=bash
# Shared set-up for scripts/test, scripts/develop and scripts/bench: builds (once, idempotently)
# the two Python environments Audit Trail supports and runs commands in them.
#
#   oldest: Home Assistant 2025.4.4 on CPython 3.13 (pyenv), a venv on the host.
#   newest: the newest Home Assistant, which needs Python >= 3.14.2. Used directly when the host
#           has such a Python; otherwise a Debian sid root file system built with debootstrap,
#           with the checkout bind-mounted at /src and commands run through chroot.
#
# Everything lives under $AUDIT_TRAIL_CACHE (default ~/.cache/audit-trail), outside the checkout,
# so a fresh clone reuses it. Each environment records a hash of its requirements file and is
# rebuilt only when that file changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AUDIT_TRAIL_CACHE:-$HOME/.cache/audit-trail}"
OLDEST_VENV="$CACHE/venv-oldest"
SID_ROOT="$CACHE/sid-rootfs"
NEWEST_VENV_IN_ROOT="/opt/audit-trail-venv"
HOST_NEWEST_VENV="$CACHE/venv-newest"
mkdir -p "$CACHE"

log() { printf '\033[1m[audit-trail]\033[0m %s\n' "$*" >&2; }

# pip, without the machine-wide "Location ... is ignored" noise from local mirrors that lack a package.
pip_install() {
  local pip="$1"
  shift
  "$pip" install -q "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  return "${PIPESTATUS[0]}"
}

req_hash() { sha256sum "$1" | cut -c1-16; }

# --- oldest -------------------------------------------------------------------------------
ensure_oldest() {
  local req="$ROOT/requirements/oldest.txt" stamp="$OLDEST_VENV/.req-hash"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(req_hash "$req")" ]]; then return 0; fi
  local py
  py="$(pyenv prefix 3.13.0 2>/dev/null)/bin/python3" || true
  if [[ ! -x "$py" ]]; then
    py="$(command -v python3.13 || true)"
  fi
  [[ -x "$py" ]] || { log "CPython 3.13 not found (pyenv 3.13.0 or python3.13)"; return 1; }
  # A changed requirements file installs on top of the environment (never removes it): checkouts
  # on other branches share it, and one of them may be running tests in it right now.
  if [[ ! -x "$OLDEST_VENV/bin/pip" ]]; then
    log "building the oldest environment (Home Assistant 2025.4.4) in $OLDEST_VENV; first run takes minutes"
    "$py" -m venv "$OLDEST_VENV"
  else
    log "updating the oldest environment to $req"
  fi
  pip_install "$OLDEST_VENV/bin/pip" -r "$req"
  req_hash "$req" >"$stamp"
}

run_oldest() { (cd "$ROOT" && PATH="$OLDEST_VENV/bin:$PATH" "$@"); }

# The tamper test edits a partition behind the integration's back with the sqlite3 CLI; the
# packaging test builds the release zip from what git tracks.
ensure_sqlite_cli() {
  if ! command -v sqlite3 >/dev/null || ! command -v git >/dev/null; then
    log "installing the sqlite3 command-line shell and git (the tests use them)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 git >/dev/null
  fi
  if ! host_py314 >/dev/null && [[ ! -x "$SID_ROOT/usr/bin/sqlite3" || ! -x "$SID_ROOT/usr/bin/git" ]]; then
    log "installing the sqlite3 command-line shell and git into the sid root"
    sid_run bash -c 'apt-get -o Acquire::Check-Valid-Until=false update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sqlite3 git >/dev/null'
  fi
  if ! host_py314 >/dev/null; then
    # The checkout is bind-mounted at /src; let git inside the root read it whoever owns it.
    sid_run bash -c 'git config --global --get-all safe.directory | grep -qx /src ||
      git config --global --add safe.directory /src'
  fi
}

# --- newest -------------------------------------------------------------------------------
host_py314() {
  local c
  for c in python3.15 python3.14 python3; do
    if command -v "$c" >/dev/null 2>&1 &&
      "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 14, 2) else 1)' 2>/dev/null; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

ensure_sid_root() {
  if [[ -x "$SID_ROOT/usr/bin/python3.14" ]]; then return 0; fi
  command -v debootstrap >/dev/null || {
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  log "building a Debian sid root file system with Python 3.14 in $SID_ROOT (about 30 s)"
  rm -rf "$SID_ROOT.tmp"
  debootstrap --variant=minbase --include=python3.14,python3.14-venv,ca-certificates \
    sid "$SID_ROOT.tmp" >"$CACHE/debootstrap.log" 2>&1 ||
    { tail -20 "$CACHE/debootstrap.log"; return 1; }
  mv "$SID_ROOT.tmp" "$SID_ROOT"
}

sid_sync_host_files() {
  cp /etc/resolv.conf /etc/hosts "$SID_ROOT/etc/"
  mkdir -p "$SID_ROOT/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$SID_ROOT/etc/ssl/certs/host-ca-certificates.crt"
  printf '[global]\ncert = /etc/ssl/certs/host-ca-certificates.crt\ndisable-pip-version-check = true\n' \
    >"$SID_ROOT/etc/pip.conf"
}

# Run a command inside the sid root with the checkout at /src. The mounts are made in a mount
# namespace of this command's own (unshare), so they vanish when it ends and two jobs using the
# root at once (a test run beside scripts/develop) never unmount each other's /src.
sid_run() {
  sid_sync_host_files
  mkdir -p "$SID_ROOT/src" "$SID_ROOT/proc" "$SID_ROOT/dev"
  TERM_="${TERM:-dumb}" CI_="${CI:-}" VENV_="${SID_VENV:-$NEWEST_VENV_IN_ROOT}" \
    PGURL_="${AUDIT_TRAIL_PG_URL:-}" PGOWNER_="${AUDIT_TRAIL_PG_OWNER_URL:-}" \
    PGREC_="${AUDIT_TRAIL_PG_RECORDER_URL:-}" PGREQ_="${AUDIT_TRAIL_REQUIRE_PG:-}" \
    unshare --mount --propagation private /bin/bash -c '
    set -e
    root="$1" src="$2"; shift 2
    mount --bind "$src" "$root/src"
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="$TERM_" CI="$CI_" \
      AUDIT_TRAIL_PG_URL="$PGURL_" AUDIT_TRAIL_PG_OWNER_URL="$PGOWNER_" \
      AUDIT_TRAIL_PG_RECORDER_URL="$PGREC_" AUDIT_TRAIL_REQUIRE_PG="$PGREQ_" \
      SSL_CERT_FILE=/etc/ssl/certs/host-ca-certificates.crt UV_NATIVE_TLS=1 \
      PATH="$VENV_/bin:/usr/local/bin:/usr/bin:/bin" \
      /bin/bash -c '"'"'cd /src && "$@"'"'"' bash "$@"
  ' sid_run "$SID_ROOT" "$ROOT" "$@"
}

ensure_newest() {
  local req="$ROOT/requirements/newest.txt" py
  if py="$(host_py314)"; then
    local stamp="$HOST_NEWEST_VENV/.req-hash"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$(req_hash "$req")" ]]; then return 0; fi
    log "building (or updating) the newest environment on the host Python ($py)"
    [[ -x "$HOST_NEWEST_VENV/bin/pip" ]] || "$py" -m venv "$HOST_NEWEST_VENV"
    pip_install "$HOST_NEWEST_VENV/bin/pip" -r "$req"
    req_hash "$req" >"$stamp"
    return 0
  fi
  ensure_sid_root
  local stamp="$SID_ROOT$NEWEST_VENV_IN_ROOT/.req-hash"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(req_hash "$req")" ]]; then return 0; fi
  log "building (or updating) the newest environment inside the sid root (about a minute)"
  # Installed on top, never removed: other checkouts may be running tests in it.
  [[ -x "$SID_ROOT$NEWEST_VENV_IN_ROOT/bin/pip" ]] || sid_run /usr/bin/python3.14 -m venv "$NEWEST_VENV_IN_ROOT"
  sid_run pip install -q -r requirements/newest.txt
  req_hash "$req" >"$stamp"
}

run_newest() {
  if host_py314 >/dev/null; then
    (cd "$ROOT" && PATH="$HOST_NEWEST_VENV/bin:$PATH" "$@")
  else
    sid_run "$@"
  fi
}

# --- what real Home Assistant processes need (tests/test_crash_load.py, bench/process.py) ---
# Installed before a process starts, so Home Assistant never fetches a package itself.
PROCESS_COMPONENTS=(config http api input_boolean logger recorder)

# Some default integrations need C extensions built from source on Python 3.14 (assist
# pipeline's voice activity detection), ffmpeg for cameras, and libturbojpeg for snapshots.
ensure_sid_build_tools() {
  if host_py314 >/dev/null || [[ -f "$SID_ROOT/.dev-packages" ]]; then return 0; fi
  log "installing build tools, ffmpeg and libturbojpeg into the sid root (once)"
  sid_run bash -c 'apt-get -o Acquire::Check-Valid-Until=false update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends g++ python3.14-dev ffmpeg libturbojpeg0 >/dev/null'
  touch "$SID_ROOT/.dev-packages"
}

ensure_process_requirements() {
  local runner venv reqs stamp
  ensure_sid_build_tools
  for runner in run_oldest run_newest; do
    if [[ "$runner" == run_oldest ]]; then venv="$OLDEST_VENV"
    elif host_py314 >/dev/null; then venv="$HOST_NEWEST_VENV"
    else venv="$SID_ROOT$NEWEST_VENV_IN_ROOT"; fi
    reqs="$("$runner" python scripts/dev_requirements.py "${PROCESS_COMPONENTS[@]}")"
    stamp="$venv/.process-requirements"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$reqs" ]]; then
      log "installing what a real Home Assistant process needs ($runner)"
      # shellcheck disable=SC2086
      "$runner" pip install -q $reqs 2>&1 | { grep -v "is ignored: it is neither" || true; }
      [[ "${PIPESTATUS[0]}" == 0 ]] || return 1
      echo "$reqs" >"$stamp"
    fi
  done
}

# --- the newest release on PyPI, for scripts/smoke ------------------------------------------
SMOKE_VENV_IN_ROOT="/opt/audit-trail-smoke-venv"
HOST_SMOKE_VENV="$CACHE/venv-smoke"

smoke_venv_host() {
  if host_py314 >/dev/null; then echo "$HOST_SMOKE_VENV"; else echo "$SID_ROOT$SMOKE_VENV_IN_ROOT"; fi
}

ensure_smoke() {
  local req="$ROOT/requirements/smoke.txt" venv stamp
  venv="$(smoke_venv_host)"
  stamp="$venv/.req-hash"
  host_py314 >/dev/null || ensure_sid_root
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(req_hash "$req")" ]]; then return 0; fi
  log "building the smoke environment ($(sed -n 's/^homeassistant==//p' "$req")) in $venv"
  rm -rf "$venv"
  if host_py314 >/dev/null; then
    "$(host_py314)" -m venv "$venv"
    pip_install "$venv/bin/pip" -r "$req"
  else
    sid_run /usr/bin/python3.14 -m venv "$SMOKE_VENV_IN_ROOT"
    SID_VENV="$SMOKE_VENV_IN_ROOT" sid_run pip install -q -r requirements/smoke.txt
  fi
  req_hash "$req" >"$stamp"
}

run_smoke() {
  if host_py314 >/dev/null; then
    (cd "$ROOT" && PATH="$HOST_SMOKE_VENV/bin:$PATH" "$@")
  else
    SID_VENV="$SMOKE_VENV_IN_ROOT" sid_run "$@"
  fi
}

# --- a Home Assistant configuration directory for a real process ---------------------------
# Mark every onboarding step but the owner account as done before the first start (the
# core_config step would add weather, translation and radio integrations that need the
# internet), and store http on 127.0.0.1:<port> as confirmed: Home Assistant 2026.10 and later
# keep http settings in storage and treat YAML ones as a trial to confirm in the UI, restarting
# five minutes later on the stored defaults (every interface) otherwise.
prepare_ha_config() {
  local dir="$1" port="$2"
  mkdir -p "$dir/custom_components" "$dir/.storage"
  if [[ ! -f "$dir/.storage/onboarding" ]]; then
    printf '%s\n' '{"version": 4, "minor_version": 1, "key": "onboarding",' \
      ' "data": {"done": ["core_config", "analytics", "integration"]}}' \
      >"$dir/.storage/onboarding"
  fi
  if [[ ! -f "$dir/.storage/http" ]]; then
    printf '%s\n' '{"version": 2, "minor_version": 2, "key": "http", "data": {' \
      " \"stable\": {\"server_host\": [\"127.0.0.1\"], \"server_port\": $port," \
      '  "cors_allowed_origins": ["https://cast.home-assistant.io"],' \
      '  "login_attempts_threshold": -1, "ip_ban_enabled": true, "ssl_profile": "modern",' \
      '  "use_x_frame_options": true, "error": null, "error_message": null},' \
      ' "pending": null, "yaml_migration_done": true}}' >"$dir/.storage/http"
  fi
}

# --- the browser for the end-to-end tests and the browser benchmark --------------------------
# Debian's Chromium, never a browser build downloaded by a test tool. The lock timeout lets this
# wait for another apt-get (ensure_sqlite_cli in a parallel job) instead of failing.
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return 0; fi
  log "installing Debian's chromium (the end-to-end tests and the browser benchmark use it)"
  apt-get -o DPkg::Lock::Timeout=300 update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
      --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
}

# --- the demo home (scripts/develop, scripts/e2e) -------------------------------------------
# What the demo configuration loads; their requirements are installed before Home Assistant
# starts, so it fetches nothing.
DEMO_COMPONENTS=(frontend config http api automation script scene input_boolean input_number
  input_select counter timer template person sun recorder history logbook energy lovelace logger)

# Where a configuration directory NAME lives, as Home Assistant sees it (CONFIG_IN) and as the
# host does (CONFIG_HOST), and where the checkout is for it (SRC_IN): inside the sid root unless
# the host has a new enough Python.
demo_config_paths() {
  if host_py314 >/dev/null; then
    CONFIG_IN="$CACHE/$1"
    CONFIG_HOST="$CONFIG_IN"
    SRC_IN="$ROOT"
  else
    CONFIG_IN="/var/lib/$1"
    CONFIG_HOST="$SID_ROOT$CONFIG_IN"
    SRC_IN="/src"
  fi
}

# Build (or refresh) the demo configuration in CONFIG_HOST for a Home Assistant on PORT, with
# Audit Trail linked from this checkout; set demo_config_paths first.
prepare_demo_config() {
  local port="$1" reqs stamp
  prepare_ha_config "$CONFIG_HOST" "$port"
  cp "$ROOT"/demo/*.yaml "$CONFIG_HOST/"
  ln -sfn "$SRC_IN/custom_components/audit_trail" "$CONFIG_HOST/custom_components/audit_trail"
  reqs="$(run_newest python scripts/dev_requirements.py "${DEMO_COMPONENTS[@]}")"
  if host_py314 >/dev/null; then stamp="$HOST_NEWEST_VENV/.demo-requirements"
  else stamp="$SID_ROOT$NEWEST_VENV_IN_ROOT/.demo-requirements"; fi
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$reqs" ]]; then
    log "installing the demo's requirements: $(echo "$reqs" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    run_newest pip install -q $reqs 2>&1 | { grep -v "is ignored: it is neither" || true; }
    [[ "${PIPESTATUS[0]}" == 0 ]] || return 1
    echo "$reqs" >"$stamp"
  fi
}

# --- PostgreSQL, for the PostgreSQL store backend's tests and benchmarks -------------------
# A throwaway cluster of Debian's PostgreSQL in a directory of its own, listening on 127.0.0.1
# only (and a Unix socket in that directory), run as the postgres user. Two roles: an owner,
# which runs the schema migrations, and a writer, which Audit Trail writes with (INSERT and
# SELECT on the log tables only). The sid root shares this network namespace, so the newest
# environment reaches the same server.
PG_PORT="${AUDIT_TRAIL_PG_PORT:-55432}"
PG_DIR="${AUDIT_TRAIL_PG_DIR:-/tmp/audit-trail-pg-$PG_PORT}"
PG_STARTED_HERE=""

pg_bin() {
  local dir
  dir="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)"
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

# Run as the postgres user when we are root (PostgreSQL refuses to run as root).
pg_as() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_psql() { pg_as "$(pg_bin)/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

ensure_postgres() {
  if ! pg_bin >/dev/null; then
    log "installing PostgreSQL from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin="$(pg_bin)" || { log "PostgreSQL's initdb not found after installing"; return 1; }
  if [[ ! -f "$PG_DIR/data/PG_VERSION" ]]; then
    log "creating a throwaway PostgreSQL cluster in $PG_DIR (127.0.0.1:$PG_PORT)"
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$PG_DIR"
    chmod 700 "$PG_DIR"
    pg_as "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
      { tail -20 "$PG_DIR/initdb.log"; return 1; }
    # Tests and benchmarks only: commits do not wait for their WAL flush (as SQLite's WAL with
    # synchronous=NORMAL, the SQLite backend's setting), so the bench compares like with like.
    printf '%s\n' "listen_addresses = '127.0.0.1'" "port = $PG_PORT" \
      "unix_socket_directories = '$PG_DIR'" "max_connections = 200" \
      "shared_buffers = 256MB" "fsync = on" "synchronous_commit = off" \
      >>"$PG_DIR/data/postgresql.conf"
  fi
  if ! pg_as "$bin/pg_isready" -q -h "$PG_DIR" -p "$PG_PORT"; then
    pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null ||
      { tail -20 "$PG_DIR/server.log"; return 1; }
    PG_STARTED_HERE=1
  fi
  pg_psql -d postgres <<'SQL'
SELECT 'CREATE ROLE audit_owner LOGIN PASSWORD ''owner'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_owner')\gexec
SELECT 'CREATE ROLE audit_writer LOGIN PASSWORD ''writer'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_writer')\gexec
SELECT 'CREATE DATABASE audit_trail OWNER audit_owner'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'audit_trail')\gexec
SELECT 'CREATE DATABASE ha_recorder OWNER audit_owner'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ha_recorder')\gexec
SQL
  export AUDIT_TRAIL_PG_URL="postgresql://audit_writer:writer@127.0.0.1:$PG_PORT/audit_trail"
  export AUDIT_TRAIL_PG_OWNER_URL="postgresql://audit_owner:owner@127.0.0.1:$PG_PORT/audit_trail"
  export AUDIT_TRAIL_PG_RECORDER_URL="postgresql://audit_owner:owner@127.0.0.1:$PG_PORT/ha_recorder"
}

# Stop the cluster if this shell started it (a server someone else started is left running).
stop_postgres() {
  if [[ -n "$PG_STARTED_HERE" ]]; then
    pg_as "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    PG_STARTED_HERE=""
  fi
}

# The outage tests (tests/test_pg_outage.py) stop and start a cluster of their own, so they need
# the server's binaries where they run: on the host (ensure_postgres installs them) and in the
# sid root, where Debian's postgresql is installed without a cluster and without starting it.
ensure_postgres_binaries() {
  pg_bin >/dev/null || ensure_postgres
  if host_py314 >/dev/null || compgen -G "$SID_ROOT/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    return 0
  fi
  log "installing PostgreSQL's server into the sid root (the outage tests run their own cluster)"
  sid_run bash -c 'mkdir -p /etc/postgresql-common &&
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf &&
    printf "#!/bin/sh\nexit 101\n" >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d &&
    apt-get -o Acquire::Check-Valid-Until=false update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null'
}

# --- the card and panel's toolchain (frontend/) -------------------------------------------
# npm ci when node_modules is missing or package-lock.json changed since the last install.
ensure_frontend() {
  local dir="$ROOT/frontend" stamp="$ROOT/frontend/node_modules/.lock-hash"
  command -v npm >/dev/null || { log "npm not found: install Node.js 20 or later"; return 1; }
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(req_hash "$dir/package-lock.json")" ]]; then
    return 0
  fi
  log "installing the frontend's packages (npm ci in frontend/)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  req_hash "$dir/package-lock.json" >"$stamp"
}

run_frontend() { (cd "$ROOT/frontend" && "$@"); }
