# shellcheck shell=bash disable=SC2034  # variables set here are read by the callers
# Shared helpers for scripts/*: logging, root detection, apt, ports.
# Sourced, not executed.

BILAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log()  { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# apt-get update only once per script run, and only when something must be installed.
_BILAN_APT_UPDATED=0
apt_install() {
  is_root || die "internal: apt_install called as non-root"
  export DEBIAN_FRONTEND=noninteractive
  if [[ "$_BILAN_APT_UPDATED" -eq 0 ]]; then
    log "apt-get update"
    apt-get update -qq >&2
    _BILAN_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  apt-get install -y -qq --no-install-recommends "$@" >&2
}

# True when something accepts TCP connections on 127.0.0.1:PORT (bash's /dev/tcp, no extra tool needed).
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a port in [20000, 59999] that nothing listens on right now. Small race window: callers
# that bind it (PostgreSQL, Kestrel) fail loudly if someone else took it in between.
free_port() {
  local port i
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "could not find a free TCP port on 127.0.0.1"
}

# Prints the last lines of a log file to stderr, framed, to explain a failure.
show_log_tail() {
  local file="$1" lines="${2:-60}"
  [[ -f "$file" ]] || { warn "no log at $file"; return 0; }
  printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2 || true
  printf -- '----- end of %s -----\n' "$file" >&2
}
