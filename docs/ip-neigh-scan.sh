#!/bin/sh
# Posts this machine's neighbour table (`ip neigh`) to Cores as one scan.
#   CORES_URL=https://cores.example.net CORES_AGENT_KEY=cores_... ./ip-neigh-scan.sh [--dry-run]
# Prints the answer: the counts, a line per entry, and any error.
set -eu
url="${CORES_URL:-http://localhost:8080}/graphql"
dry_run=false
if [ "${1:-}" = "--dry-run" ]; then dry_run=true; fi

# "192.0.2.7 dev eth0 lladdr 00:1b:21:0a:0b:0c REACHABLE" -> {"mac":"00:1b:21:0a:0b:0c","ip":"192.0.2.7"};
# entries without a MAC (FAILED, INCOMPLETE) say nothing about what answered, so they are left out.
results=$(ip neigh show | awk '
  { mac = ""
    for (i = 2; i < NF; i++) if ($i == "lladdr") mac = $(i + 1)
    if (mac == "") next
    printf "%s{\"mac\":\"%s\",\"ip\":\"%s\"}", sep, mac, $1
    sep = "," }')

query='mutation($input: IngestScanInput!) { ingestScan(input: $input) {
  stats { entries matched ipUpdated conflictsCreated conflictsSuperseded unknown virtual }
  responses { entry outcome location message field } errors { field code message } } }'
query=$(printf '%s' "$query" | tr '\n' ' ')
timestamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)

printf '{"query":"%s","variables":{"input":{"timestamp":"%s","dryRun":%s,"results":[%s]}}}' \
    "$query" "$timestamp" "$dry_run" "$results" |
  curl -sS -H "Authorization: Token $CORES_AGENT_KEY" -H 'Content-Type: application/json' --data-binary @- "$url"
echo
