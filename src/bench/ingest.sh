#!/usr/bin/env bash
# Ingest benchmark (docs/performance.md): ingestScan posted by a registered agent with its
# AGENT token, the scan sent as GraphQL variables as agents send it, against 20,000 demo hosts
# (60,000 NICs). Each scan has ENTRIES results, a realistic mix: mostly NICs on their recorded
# ip, some on another ip (NIC conflicts), some unknown MACs and some virtual (locally
# administered) ones. RUNS scans, each with its own timestamp, timed by curl (the whole
# request) and by the server (stats.durationMs: the ingest itself). Any response with errors
# fails the run.
#
#   src/bench/ingest.sh                         # 20,000 hosts, 10,000 entries, 5 scans
#   ENTRIES=50000 RUNS=3 src/bench/ingest.sh    # at the entry limit
#   HOSTS=2000 ENTRIES=2000 src/bench/ingest.sh # a quick look
#   PROFILE=1 src/bench/ingest.sh               # also a JFR profile of the measured scans
#   PORT=18282 src/bench/ingest.sh              # when another server (a benchmark) holds 18080
ENTRIES=${ENTRIES:-10000}
RUNS=${RUNS:-5}
WARMUP_RUNS=${WARMUP_RUNS:-5}
source "$(dirname "$0")/server.sh"
KEY=$(token_for AGENT)
AGENT=bench-agent
"${PSQL[@]}" -v name="$AGENT" <<'SQL'
INSERT INTO agent (name, token_id) SELECT :'name', id FROM api_token WHERE comment = 'benchmark' AND role = 'AGENT';
SQL

# the NICs with an ip, in random order: the scan's matches and changed ips come from these
"${PSQL[@]}" -At -F ' ' -c "SELECT mac, host(ip) FROM nic WHERE ip IS NOT NULL ORDER BY random()" >"$WORK/nics.txt"
[ "$(wc -l <"$WORK/nics.txt")" -ge "$ENTRIES" ] || { echo "FAILED: fewer NICs with an ip than $ENTRIES entries" >&2; exit 1; }

# scan <n> <file>: the request body of scan n, its own timestamp; 90% matches, 5% changed ips,
# 3% unknown MACs, 2% virtual MACs
scan() {
  python3 - "$1" "$ENTRIES" "$WORK/nics.txt" >"$2" <<'PY'
import json, sys
n, entries, nics = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
known = [line.split() for line in open(nics)][:entries]
results = []
for i in range(entries):
    bucket = i % 100
    if bucket < 90:
        mac, ip = known[i]
    elif bucket < 95:
        mac, ip = known[i][0], f"10.250.{(i // 250) % 250}.{i % 250 + 1}"
    elif bucket < 98:
        mac, ip = f"00:1a:{n % 256:02x}:{(i >> 16) & 255:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}", f"10.251.{(i // 250) % 250}.{i % 250 + 1}"
    else:
        mac, ip = f"02:1a:{n % 256:02x}:{(i >> 16) & 255:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}", f"10.252.{(i // 250) % 250}.{i % 250 + 1}"
    results.append({"mac": mac, "ip": ip})
query = ("mutation($input: IngestScanInput!) { ingestScan(input: $input) { "
         "stats { entries matched ipUpdated conflictsCreated conflictsSuperseded unknown virtual durationMs } "
         "errors { field message code } } }")
timestamp = f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}Z"
print(json.dumps({"query": query, "variables": {"input": {"timestamp": timestamp, "results": results}}}))
PY
}

# post <file>: prints "<seconds by curl> <the payload>"; fails on errors
post() {
  local out
  out=$(curl -s -o "$WORK/answer.json" -w '%{time_total}' -H 'Content-Type: application/json' \
    -H "Authorization: Token $KEY" --data-binary @"$1" "http://localhost:$PORT/graphql")
  if ! python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if "errors" not in a and not a["data"]["ingestScan"]["errors"] else 1)' "$WORK/answer.json"; then
    echo "FAILED: $(head -c 500 "$WORK/answer.json")" >&2
    exit 1
  fi
  echo "$out $(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["data"]["ingestScan"]["stats"]))' "$WORK/answer.json")"
}

for n in $(seq 1 $((WARMUP_RUNS + RUNS))); do scan "$n" "$WORK/scan-$n.json"; done
echo "== $ENTRIES entries per scan, $(du -k "$WORK/scan-1.json" | cut -f1) KB of JSON; $WARMUP_RUNS warm-up scans"
for n in $(seq 1 "$WARMUP_RUNS"); do post "$WORK/scan-$n.json" >/dev/null; done
echo "== $RUNS measured scans: seconds (curl) and the server's stats"
: >"$WORK/times.txt"
for n in $(seq $((WARMUP_RUNS + 1)) $((WARMUP_RUNS + RUNS))); do
  line=$(post "$WORK/scan-$n.json")
  echo "$line"
  echo "$line" >>"$WORK/times.txt"
done
python3 - "$WORK/times.txt" <<'PY'
import json, sys, statistics
rows = [line.split(' ', 1) for line in open(sys.argv[1])]
total = [float(r[0]) * 1000 for r in rows]
ingest = [json.loads(r[1])["durationMs"] for r in rows]
print(f"request: median {statistics.median(total):.0f} ms, max {max(total):.0f} ms; "
      f"ingest (durationMs): median {statistics.median(ingest):.0f} ms, max {max(ingest):.0f} ms")
PY

if [ "${PROFILE:-0}" = 1 ]; then
  jcmd $SERVER JFR.dump name=bench filename="$WORK/server.jfr" >/dev/null
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$WORK/server.jfr" | src/bench/top-frames.py
  echo "profile: $WORK/server.jfr"
fi
