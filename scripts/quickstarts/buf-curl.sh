#!/usr/bin/env bash
# Quickstart: the Bilan gRPC API from the command line with `buf curl`, which finds the API's schema through
# server reflection, as grpcurl does.
#   1. list the services (reflection v1, then v1alpha: older tools such as grpcurl may use either);
#   2. list the methods, to find BilanService/ListBilans;
#   3. log in (AuthService/Login needs no token) and read the session token;
#   4. call BilanService/ListBilans with `authorization: Bearer <token>`.
# Usage: scripts/quickstarts/buf-curl.sh [GRPC_URL]   (default http://127.0.0.1:5001)
# Env: BILAN_EMAIL, BILAN_PASSWORD (default: the demo admin of scripts/run), BUF (the buf binary).
set -euo pipefail

URL="${1:-http://127.0.0.1:5001}"
URL="${URL%/}"
EMAIL="${BILAN_EMAIL:-admin@example.org}"
PASSWORD="${BILAN_PASSWORD:-Demo-admin-2026}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUF="${BUF:-$HERE/../tools/node_modules/.bin/buf}"   # `npm ci` in scripts/tools installs it
# h2c: the API speaks HTTP/2 without TLS on 127.0.0.1.
CURL=("$BUF" curl --protocol grpc --http2-prior-knowledge)

say() { printf '\n$ %s\n' "$*"; }

say "buf curl --list-services $URL    # reflection v1"
"${CURL[@]}" --list-services "$URL"

say "buf curl --reflect-protocol grpc-v1alpha --list-services $URL    # reflection v1alpha"
v1alpha="$("${CURL[@]}" --reflect-protocol grpc-v1alpha --list-services "$URL")"
echo "$v1alpha"
grep -qx bilan.v1.BilanService <<<"$v1alpha"

say "buf curl --list-methods $URL | grep BilanService/"
methods="$("${CURL[@]}" --list-methods "$URL")"
grep '^bilan.v1.BilanService/' <<<"$methods"
grep -qx bilan.v1.BilanService/ListBilans <<<"$methods"

say "buf curl -d '{\"email\":\"$EMAIL\",\"password\":\"…\"}' $URL/bilan.v1.AuthService/Login"
login="$("${CURL[@]}" -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$URL/bilan.v1.AuthService/Login")"
# The answer is JSON: {"token": "bs_...", "expireTime": ..., "user": {...}}. Node reads it (jq may be missing).
TOKEN="$(node -e 'console.log(JSON.parse(process.argv[1]).token)' "$login")"
echo "token: ${TOKEN:0:6}… (a session token; send it as 'authorization: Bearer <token>')"

say "buf curl -H 'authorization: Bearer \$TOKEN' -d '{\"pageSize\":3}' $URL/bilan.v1.BilanService/ListBilans"
bilans="$("${CURL[@]}" -H "authorization: Bearer $TOKEN" -d '{"pageSize":3}' "$URL/bilan.v1.BilanService/ListBilans")"
echo "$bilans"
grep -q '"name": *"bilans/' <<<"$bilans"
echo "buf-curl quickstart: done"
