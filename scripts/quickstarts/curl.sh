#!/usr/bin/env bash
# Quickstart: the Bilan API over HTTP/JSON with plain curl, for tools without gRPC. The same services, rules,
# tokens and errors as gRPC, transcoded from the google.api.http annotations in protos/ (HTTP/1.1 endpoint).
#   1. log in: POST /v1/auth:login, read the session token;
#   2. list bilans: GET /v1/bilans?pageSize=3 with `Authorization: Bearer <token>`;
#   3. an error: a malformed name answers HTTP 400 with the google.rpc.Status as JSON (ErrorInfo, BadRequest,
#      French LocalizedMessage, and the correlation id to quote to support).
# Usage: scripts/quickstarts/curl.sh JSON_URL   (scripts/run serves it on http://127.0.0.1:5002)
# Env: BILAN_EMAIL, BILAN_PASSWORD (default: the demo admin of scripts/run).
set -euo pipefail

if [[ -z "${1:-}" ]]; then
  echo "curl quickstart: SKIPPED, no HTTP/JSON URL given (usage: $0 http://127.0.0.1:5002)"
  exit 0
fi
command -v curl >/dev/null 2>&1 || { echo "curl quickstart: curl is not installed (apt-get install curl)" >&2; exit 1; }
URL="${1%/}"
EMAIL="${BILAN_EMAIL:-admin@example.org}"
PASSWORD="${BILAN_PASSWORD:-Demo-admin-2026}"

say() { printf '\n$ %s\n' "$*"; }
# json_get PATH < json (Node rather than jq, which may be missing).
json_get() {
  node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const v = process.argv[1].split(".").reduce((o, k) => o?.[k], JSON.parse(s)); console.log(v ?? ""); });' "$1"
}

say "curl -X POST $URL/v1/auth:login -H 'content-type: application/json' -d '{\"email\":\"$EMAIL\",\"password\":\"…\"}'"
login="$(curl -sS --fail-with-body -X POST "$URL/v1/auth:login" -H 'content-type: application/json' \
           -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")"
TOKEN="$(json_get token <<<"$login")"
[[ "$TOKEN" == bs_?* ]] || { echo "no session token in: $login" >&2; exit 1; }
echo "token: ${TOKEN:0:6}…"

say "curl -H 'authorization: Bearer \$TOKEN' '$URL/v1/bilans?pageSize=3'"
bilans="$(curl -sS --fail-with-body -H "authorization: Bearer $TOKEN" "$URL/v1/bilans?pageSize=3")"
echo "$bilans"
grep -q '"name": *"bilans/' <<<"$bilans"

say "curl -H 'authorization: Bearer \$TOKEN' $URL/v1/bilans/not-a-uuid    # an error, as JSON"
body="$(mktemp)"
trap 'rm -f "$body"' EXIT
http_code="$(curl -sS -o "$body" -w '%{http_code}' -H "authorization: Bearer $TOKEN" "$URL/v1/bilans/not-a-uuid")"
error="$(cat "$body")"
echo "HTTP $http_code"
echo "$error"
[[ "$http_code" == 400 ]] || { echo "expected HTTP 400" >&2; exit 1; }
grep -q 'correlation_id' <<<"$error"
echo "curl quickstart: done"
