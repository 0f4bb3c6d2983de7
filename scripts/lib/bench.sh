# shellcheck shell=bash disable=SC2034  # variables set here are read by the callers
# What the scripts/bench-* share: a throwaway PostgreSQL and a Release server, the staff who call the API (an admin
# and one consultant, with known session tokens), the bulk seeding of bilans, the benchmark program and EXPLAIN
# timings. Sourced, not executed; needs lib/common.sh, lib/postgres.sh, lib/tools.sh and lib/apps.sh.
#
# bench_start sets BENCH_URL (the server's gRPC address), BENCH_DB (the database) and PG_PORT, and installs an EXIT
# trap that stops the server and the cluster and deletes the work folder.

BENCH_DB=bilan_bench
# Session tokens (the bs_ prefix of SessionStore.TokenPrefix) inserted by bench_seed_staff; only their SHA-256 is stored.
BENCH_ADMIN_TOKEN=bs_bench_admin_token
BENCH_CONSULTANT_TOKEN=bs_bench_consultant_token
BENCH_CONSULTANTS=30

# shellcheck disable=SC2317  # invoked by the EXIT trap
_bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app "${BENCH_SERVER_PID:-}" "bench server"
  pg_stop "$BENCH_WORK/pg" || true
  rm -rf "$BENCH_WORK"
  exit "$rc"
}

# bench_start: builds the server and the benchmark program (Release), starts a throwaway cluster and the server on
# an empty database (the server applies the migrations).
bench_start() {
  BENCH_WORK="$(mktemp -d "${TMPDIR:-/tmp}/bilan-bench.XXXXXX")"
  chmod 711 "$BENCH_WORK"
  BENCH_SERVER_PID=""
  trap _bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  ensure_dotnet
  ensure_npm_tools
  # pg_stat_statements preloaded: bench_top_statements shows what each statement cost.
  pg_find_bin
  _pg_prepare_dir "$BENCH_WORK/pg"
  _pg_initdb "$BENCH_WORK/pg"
  echo "shared_preload_libraries = 'pg_stat_statements'" >>"$BENCH_WORK/pg/data/postgresql.conf"
  pg_start_free "$BENCH_WORK/pg"
  pg_create_db "$PG_PORT" "$BENCH_DB"
  local project
  for project in src/Bilan.Server tests/Bilan.Benchmarks; do
    log "dotnet build $project -c $BILAN_CONFIGURATION"
    (cd "$BILAN_ROOT" && dotnet build "$project" -c "$BILAN_CONFIGURATION" -nologo -v:q \
       -nodeReuse:false -p:UseSharedCompilation=false) >/dev/null
  done

  BENCH_URL="http://127.0.0.1:$(free_port)"
  start_app Bilan.Server "$BENCH_WORK/server.log" \
    "ConnectionStrings__Bilan=$(pg_connection_string "$PG_PORT" "$BENCH_DB")" "Kestrel__Endpoints__Grpc__Url=$BENCH_URL" \
    "Kestrel__Endpoints__Json__Url=http://127.0.0.1:$(free_port)" \
    "Logging__LogLevel__Default=Warning"
  BENCH_SERVER_PID="$APP_PID"
  wait_grpc_healthy "$BENCH_URL" "$BENCH_SERVER_PID" "$BENCH_WORK/server.log" 180
}

# bench_sql: runs SQL from stdin in the bench database, quietly, stopping at the first error.
bench_sql() {
  pg_psql "$PG_PORT" -d "$BENCH_DB" -q -v ON_ERROR_STOP=1 "$@"
}

# bench_seed_staff: BENCH_CONSULTANTS consultants; an admin user and a user for consultant 1, each with an open
# session whose token is BENCH_ADMIN_TOKEN / BENCH_CONSULTANT_TOKEN (the password hash is never checked: no login).
bench_seed_staff() {
  bench_sql <<SQL
INSERT INTO consultants (id, display_name, email, active, version, create_time, update_time)
SELECT ('00000000-0000-7000-8001-' || lpad(to_hex(c), 12, '0'))::uuid, 'Consultant ' || c, 'consultant' || c || '@example.org',
       true, 1, now(), now()
FROM generate_series(1, $BENCH_CONSULTANTS) AS c;
INSERT INTO users (id, email, display_name, role, consultant_id, password_hash, create_time, update_time) VALUES
  ('00000000-0000-7000-8009-000000000001', 'admin.banc@example.org', 'Admin Banc', 1, NULL, 'none', now(), now()),
  ('00000000-0000-7000-8009-000000000002', 'consultant1@example.org', 'Consultant 1', 2, '00000000-0000-7000-8001-000000000001', 'none', now(), now());
INSERT INTO sessions (id, token_hash, user_id, create_time, last_seen_time, absolute_expire_time) VALUES
  (gen_random_uuid(), sha256(convert_to('$BENCH_ADMIN_TOKEN', 'UTF8')), '00000000-0000-7000-8009-000000000001', now(), now(), now() + interval '1 day'),
  (gen_random_uuid(), sha256(convert_to('$BENCH_CONSULTANT_TOKEN', 'UTF8')), '00000000-0000-7000-8009-000000000002', now(), now(), now() + interval '1 day');
SQL
}

# bench_seed_bilans COUNT: COUNT bilans of one beneficiary, created a minute apart, states spread evenly
# (what ListBilans pages through; no consultant, no interview).
bench_seed_bilans() {
  bench_sql <<SQL
INSERT INTO beneficiaries (id, given_name, family_name, email, public_category, version, create_time, update_time)
VALUES ('00000000-0000-7000-8000-000000000001', 'Banc', 'Essai', 'banc.essai@example.org', 4, 1, now(), now());
INSERT INTO bilans (id, beneficiary_id, state, working_time, funding_source, planned_hours, version, create_time, update_time)
SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 1 + n % 9, 3, 1, 24, 1,
       timestamptz '2020-01-01' + n * interval '1 minute', now()
FROM generate_series(1, $1) AS n;
ANALYZE bilans;
SQL
}

# bench_seed_dashboard COUNT: a provider's whole history, COUNT bilans, see the SQL file for its shape.
bench_seed_dashboard() {
  bench_sql -v bilans="$1" -v consultants="$BENCH_CONSULTANTS" -f "$BILAN_ROOT/tests/Bilan.Benchmarks/seed-dashboard.sql"
}

# bench_run ARGS...: the benchmark program (tests/Bilan.Benchmarks) with ARGS.
bench_run() {
  dotnet "$BILAN_ROOT/tests/Bilan.Benchmarks/bin/$BILAN_CONFIGURATION/net10.0/Bilan.Benchmarks.dll" "$@"
}

# bench_reset_statements: forgets the statements run so far (seeding, warm-up).
bench_reset_statements() {
  bench_sql -tA -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
}

# bench_top_statements [COUNT]: the COUNT (default 12) statements of the bench database that cost the most in all
# since bench_reset_statements: calls, mean and max ms, and the start of their text.
bench_top_statements() {
  bench_sql -c "SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round(max_exec_time::numeric, 2) AS max_ms,
      round(total_exec_time::numeric) AS total_ms,
      round(((jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time) / calls)::numeric, 2) AS jit_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
    WHERE d.datname = '$BENCH_DB' AND query NOT LIKE '%pg_stat_statements%'
    ORDER BY total_exec_time DESC LIMIT ${1:-12}"
}

# bench_explain_ms SQL: PostgreSQL's execution time of SQL in ms, after one run to warm the cache.
bench_explain_ms() {
  bench_sql -c "EXPLAIN (ANALYZE) $1" >/dev/null
  bench_sql -tA -c "EXPLAIN (ANALYZE, FORMAT JSON) $1" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0]["Execution Time"].toFixed(3)))'
}
