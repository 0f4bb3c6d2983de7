# shellcheck shell=bash disable=SC2034  # variables set here are read by the callers
# Build, start, wait for and stop the Bilan applications (scripts/run, scripts/test).
# Sourced, not executed; needs lib/common.sh and, for wait_grpc_healthy, BUF from lib/tools.sh.

BILAN_CONFIGURATION="${BILAN_CONFIGURATION:-Release}"

# Builds the solution once. No MSBuild node reuse and no shared compiler server, so that no
# build process outlives the script (and none of a developer's own build servers is touched).
build_solution() {
  log "dotnet build Bilan.sln -c $BILAN_CONFIGURATION"
  (cd "$BILAN_ROOT" && dotnet build Bilan.sln -c "$BILAN_CONFIGURATION" -nologo \
     -nodeReuse:false -p:UseSharedCompilation=false)
}

# app_dll PROJECT: path of the built assembly of src/PROJECT.
app_dll() {
  local project="$1" dll
  dll="$BILAN_ROOT/src/$project/bin/$BILAN_CONFIGURATION/net10.0/$project.dll"
  if [[ ! -f "$dll" ]]; then
    # Not the conventional output folder (e.g. artifacts output): ask MSBuild.
    dll="$(cd "$BILAN_ROOT" && dotnet msbuild "src/$project/$project.csproj" -nologo \
             -getProperty:TargetPath -p:Configuration="$BILAN_CONFIGURATION" 2>/dev/null || true)"
  fi
  [[ -f "$dll" ]] || die "built assembly of $project not found (was the build successful?)"
  printf '%s\n' "$dll"
}

# start_app PROJECT LOG [VAR=VALUE...]: starts src/PROJECT's built dll in the background with
# the given environment; sets APP_PID. The working directory is the project folder, as with
# 'dotnet run', so the content root (appsettings.json, wwwroot) is the project's.
start_app() {
  local project="$1" log="$2" dll; shift 2
  dll="$(app_dll "$project")"
  mkdir -p "$(dirname "$log")"
  log "starting $project (log: $log)"
  (cd "$BILAN_ROOT/src/$project" && exec env "$@" dotnet "$dll") </dev/null >"$log" 2>&1 &
  APP_PID=$!
}

# stop_app PID NAME: SIGTERM (graceful shutdown), then SIGKILL after 20 s; reaps the child.
stop_app() {
  local pid="$1" name="$2" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 80; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within 20 s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# wait_grpc_healthy URL PID LOG [TIMEOUT]: polls grpc.health.v1.Health/Check until SERVING.
# Fails early, with the log, if the process exits.
wait_grpc_healthy() {
  local url="$1" pid="$2" logfile="$3" timeout="${4:-180}" start=$SECONDS out=""
  log "waiting for the gRPC server at $url"
  while ((SECONDS - start < timeout)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$logfile"
      log "the server exited before answering (log: $logfile)"
      return 1
    fi
    out="$("$BUF" curl --protocol grpc --http2-prior-knowledge --connect-timeout 2 \
             "$url/grpc.health.v1.Health/Check" 2>&1 || true)"
    if [[ "$out" == *SERVING* && "$out" != *NOT_SERVING* ]]; then
      log "gRPC server is SERVING ($((SECONDS - start)) s)"
      return 0
    fi
    sleep 1
  done
  show_log_tail "$logfile"
  log "the gRPC server did not report SERVING within ${timeout}s; last answer: ${out:0:300}"
  return 1
}

# wait_http URL PID LOG [TIMEOUT]: polls URL until it answers with a status below 500.
wait_http() {
  local url="$1" pid="$2" logfile="$3" timeout="${4:-120}" start=$SECONDS
  log "waiting for $url"
  while ((SECONDS - start < timeout)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$logfile"
      log "the process exited before answering (log: $logfile)"
      return 1
    fi
    # Node rather than curl: Node is required anyway, curl may be missing on a fresh machine.
    if node -e '
        const r = require("http").get(process.argv[1], res => process.exit(res.statusCode < 500 ? 0 : 1));
        r.on("error", () => process.exit(1));
        r.setTimeout(3000, () => { r.destroy(); process.exit(1); });' "$url" 2>/dev/null; then
      log "$url answers ($((SECONDS - start)) s)"
      return 0
    fi
    sleep 1
  done
  show_log_tail "$logfile"
  log "$url did not answer within ${timeout}s"
  return 1
}
