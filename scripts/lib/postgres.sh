# shellcheck shell=bash disable=SC2034  # variables set here are read by the callers
# PostgreSQL helpers for scripts/run and scripts/test: a private cluster in a folder of ours,
# started with the machine's PostgreSQL binaries. Sourced, not executed; needs lib/common.sh.
#
# Layout of a cluster folder DIR (owned by the user that runs PostgreSQL):
#   DIR/data   the data directory (initdb)
#   DIR/log    the server log (pg_ctl -l)
#   DIR/.s.PGSQL.<port>  the Unix socket (TCP on 127.0.0.1 is what the apps use)
# initdb and postgres refuse to run as root: as root every server-side command runs as the
# 'postgres' system user through runuser, and DIR is chowned to it.

PG_BIN="${PG_BIN:-}"

# Sets PG_BIN to the newest /usr/lib/postgresql/*/bin (Debian layout; PATH rarely has initdb).
# Installs Debian's postgresql when missing and root. Debian's package may create and start
# its own cluster on 5432: harmless, we never use it.
pg_find_bin() {
  [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" ]] && return 0
  local dir
  _pg_search_bin() {
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
      if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/psql" ]]; then
        PG_BIN="$dir"
        return 0
      fi
    done
    # Non-Debian layouts: initdb on PATH.
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
      PG_BIN="$(dirname "$(command -v initdb)")"
      return 0
    fi
    return 1
  }
  _pg_search_bin && return 0
  if is_root; then
    apt_install postgresql
    _pg_search_bin && return 0
    die "PostgreSQL was installed but no initdb was found under /usr/lib/postgresql/*/bin"
  fi
  die "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH). Install them: sudo apt-get install postgresql"
}

# Runs a server-side command (initdb, pg_ctl) as the cluster's owner, from inside DIR so that
# a current directory the postgres user cannot read (e.g. /root) does not matter.
_pg_as_owner() {
  local dir="$1"; shift
  if is_root; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# Creates DIR if needed and, as root, hands it to the postgres user.
_pg_prepare_dir() {
  local dir="$1"
  mkdir -p "$dir"
  if is_root; then
    if ! id -u postgres >/dev/null 2>&1; then
      # The Debian package creates this user; a hand-built PostgreSQL may not have.
      useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql postgres
    fi
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      die "the postgres user cannot write to $dir (a parent folder is probably not traversable, e.g. /root is mode 700). Use a folder it can reach (BILAN_PG_DIR for scripts/run)."
    fi
  fi
}

# Runs initdb in DIR/data unless a cluster is already there.
_pg_initdb() {
  local dir="$1" locale="C"
  [[ -f "$dir/data/PG_VERSION" ]] && return 0
  if [[ -d "$dir/data" ]] && [[ -n "$(ls -A "$dir/data" 2>/dev/null)" ]]; then
    die "$dir/data exists, is not empty and holds no cluster: delete it or choose another folder"
  fi
  # C.UTF-8 ships with glibc on Debian; fall back to C (still UTF8-encoded) elsewhere.
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale="C.UTF-8"; fi
  log "initdb in $dir/data (locale $locale, UTF8)"
  if ! _pg_as_owner "$dir" "$PG_BIN/initdb" -D "$dir/data" --auth=trust -U postgres --no-sync \
        --encoding=UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1; then
    show_log_tail "$dir/initdb.log"
    die "initdb failed in $dir/data"
  fi
}

# True when the cluster in DIR is running.
pg_running() {
  local dir
  [[ -f "$1/data/PG_VERSION" ]] || return 1
  # Absolute: pg_ctl runs from inside DIR (see _pg_as_owner).
  dir="$(cd "$1" && pwd)"
  pg_find_bin
  _pg_as_owner "$dir" "$PG_BIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

# Prints the port of the running cluster in DIR (4th line of postmaster.pid).
pg_running_port() {
  sed -n 4p "$1/data/postmaster.pid" 2>/dev/null
}

# Waits until the server on 127.0.0.1:PORT accepts connections (default 60 s).
pg_wait_ready() {
  local port="$1" timeout="${2:-60}" i
  pg_find_bin
  for ((i = 0; i < timeout * 4; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
      return 0
    fi
    sleep 0.25
  done
  die "PostgreSQL on 127.0.0.1:$port is not ready after ${timeout}s"
}

# _pg_try_start DIR PORT MODE: starts the (initialised, stopped) cluster; non-zero on failure.
_pg_try_start() {
  local dir="$1" port="$2" mode="$3" socket_dir opts
  # Unix socket paths are limited to ~107 bytes, and pg_ctl hands -o to a shell: use DIR only
  # when it is short and plain, otherwise TCP only (the apps use TCP anyway).
  socket_dir="$dir"
  if (( ${#dir} > 80 )) || [[ ! "$dir" =~ ^[A-Za-z0-9/._-]+$ ]]; then socket_dir=""; fi
  opts="-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$socket_dir'"
  if [[ "$mode" == throwaway ]]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  log "starting PostgreSQL ($PG_BIN) in $dir on 127.0.0.1:$port"
  if ! _pg_as_owner "$dir" "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -t 60 -o "$opts" >/dev/null; then
    show_log_tail "$dir/log" 20
    return 1
  fi
  PG_PORT="$port"
  PG_STARTED=1
  pg_wait_ready "$port"
}

# pg_start DIR PORT [throwaway]
# Initialises DIR if empty and starts the cluster on 127.0.0.1:PORT. With 'throwaway', durability
# is switched off (fsync, synchronous_commit, full_page_writes): fast, and fine for test data.
# If the cluster in DIR is already running it is reused: PG_PORT is set to its port and
# PG_STARTED=0; otherwise PG_STARTED=1. A port taken by something else is an error.
pg_start() {
  local dir="$1" port="$2" mode="${3:-}"
  pg_find_bin
  _pg_prepare_dir "$dir"
  dir="$(cd "$dir" && pwd)"
  _pg_initdb "$dir"

  if pg_running "$dir"; then
    PG_PORT="$(pg_running_port "$dir")"
    PG_STARTED=0
    [[ "$PG_PORT" == "$port" ]] || warn "the cluster in $dir is already running on port $PG_PORT (not $port): using it"
    log "PostgreSQL already running in $dir on port $PG_PORT: reusing it"
    pg_wait_ready "$PG_PORT"
    return 0
  fi
  if port_in_use "$port"; then
    die "port $port on 127.0.0.1 is already in use by another program: stop it or choose another port (BILAN_PG_PORT=...)"
  fi
  _pg_try_start "$dir" "$port" "$mode" || die "PostgreSQL did not start (log: $dir/log)"
}

# pg_start_free DIR: a throwaway cluster in DIR (initialised if empty) on a random free port,
# retried a few times in case another process grabbed the port between the check and the bind.
# Sets PG_PORT and PG_STARTED=1.
pg_start_free() {
  local dir="$1" attempt
  pg_find_bin
  _pg_prepare_dir "$dir"
  dir="$(cd "$dir" && pwd)"
  _pg_initdb "$dir"
  for attempt in 1 2 3 4 5; do
    _pg_try_start "$dir" "$(free_port)" throwaway && return 0
    warn "PostgreSQL start attempt $attempt failed, retrying on another port"
  done
  die "PostgreSQL could not be started in $dir (log: $dir/log)"
}

# pg_stop DIR: fast shutdown of the cluster in DIR if it is running.
pg_stop() {
  local dir
  [[ -d "$1" ]] || return 0
  dir="$(cd "$1" && pwd)"
  pg_running "$dir" || return 0
  log "stopping PostgreSQL in $dir"
  if ! _pg_as_owner "$dir" "$PG_BIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null 2>&1; then
    warn "fast shutdown failed, using immediate shutdown"
    _pg_as_owner "$dir" "$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 >/dev/null 2>&1 || true
  fi
}

# pg_psql PORT [psql args...]: psql as the postgres superuser over TCP, no .psqlrc, stop on error.
pg_psql() {
  local port="$1"; shift
  pg_find_bin
  "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# pg_create_db PORT NAME: creates database NAME unless it exists.
pg_create_db() {
  local port="$1" name="$2"
  # Names are ours (bilan, bilan_smoke...): keep them plain so no quoting games are needed.
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name: $name"
  if [[ "$(pg_psql "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" == 1 ]]; then
    return 0
  fi
  log "creating database $name"
  pg_psql "$port" -d postgres -qc "CREATE DATABASE $name" >/dev/null
}

# Connection string (Npgsql) for database NAME on 127.0.0.1:PORT as the trusted superuser.
pg_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$1" "$2"
}
