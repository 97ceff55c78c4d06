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
  log "building the oldest environment (Home Assistant 2025.4.4) in $OLDEST_VENV; first run takes minutes"
  rm -rf "$OLDEST_VENV"
  "$py" -m venv "$OLDEST_VENV"
  pip_install "$OLDEST_VENV/bin/pip" -r "$req"
  req_hash "$req" >"$stamp"
}

run_oldest() { (cd "$ROOT" && PATH="$OLDEST_VENV/bin:$PATH" "$@"); }

# The tamper test edits a partition behind the integration's back with the sqlite3 CLI.
ensure_sqlite_cli() {
  if ! command -v sqlite3 >/dev/null; then
    log "installing the sqlite3 command-line shell (the tamper test uses it)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
  fi
  if ! host_py314 >/dev/null && [[ ! -x "$SID_ROOT/usr/bin/sqlite3" ]]; then
    log "installing the sqlite3 command-line shell into the sid root"
    sid_run bash -c 'apt-get -o Acquire::Check-Valid-Until=false update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null'
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
  TERM_="${TERM:-dumb}" CI_="${CI:-}" VENV_="$NEWEST_VENV_IN_ROOT" \
    unshare --mount --propagation private /bin/bash -c '
    set -e
    root="$1" src="$2"; shift 2
    mount --bind "$src" "$root/src"
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="$TERM_" CI="$CI_" \
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
    log "building the newest environment on the host Python ($py)"
    rm -rf "$HOST_NEWEST_VENV"
    "$py" -m venv "$HOST_NEWEST_VENV"
    pip_install "$HOST_NEWEST_VENV/bin/pip" -r "$req"
    req_hash "$req" >"$stamp"
    return 0
  fi
  ensure_sid_root
  local stamp="$SID_ROOT$NEWEST_VENV_IN_ROOT/.req-hash"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$(req_hash "$req")" ]]; then return 0; fi
  log "building the newest environment inside the sid root (about a minute)"
  rm -rf "${SID_ROOT:?}$NEWEST_VENV_IN_ROOT"
  sid_run /usr/bin/python3.14 -m venv "$NEWEST_VENV_IN_ROOT"
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
