#!/usr/bin/env bash
# Read-path benchmark (docs/performance.md): the page of 50 hosts with rack -> lab -> building,
# NICs and bookable status, read by 32 concurrent clients through GraphQL (wrk) and, in the
# same run against the same database, as one hand-written SQL query (pgbench).
#
#   src/bench/run.sh            # 20,000 demo hosts, 30 s per tool
#   HOSTS=2000 SECONDS_PER_RUN=10 WARMUP=30 src/bench/run.sh
#   PROFILE=1 src/bench/run.sh  # also records a JFR profile and prints where the time went
set -euo pipefail
cd "$(dirname "$0")/../.."
HOSTS=${HOSTS:-20000}
DURATION=${SECONDS_PER_RUN:-30}
CLIENTS=${CLIENTS:-32}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/cores-bench.XXXX)
[ -f target/cores.jar ] || mvn -q -B -ntp -DskipTests package

# With PROFILE=1 the recording runs from the start: starting one later deoptimises compiled
# code and the profile would show the JIT catching up, not the server.
JFR_OPTS=()
[ "${PROFILE:-0}" = 1 ] && JFR_OPTS=(-XX:StartFlightRecording=name=bench,settings=profile)
CORES_DATA_DIR="$WORK/data" CORES_DEMO_HOSTS=$HOSTS SERVER_PORT=$PORT \
  java "${JFR_OPTS[@]}" -jar target/cores.jar >"$WORK/server.log" 2>&1 &
SERVER=$!
# `|| true`: under set -e the killed server's status (143) would become the script's
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK/data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
# Demo data loads after the server starts listening; measure only once it is in.
if [ "$HOSTS" -gt 0 ]; then
  for _ in $(seq 1 300); do
    grep -q 'demo data loaded\|already has hosts' "$WORK/server.log" && break
    sleep 1
  done
fi
PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$WORK/server.log" | grep -o '[0-9]*$')
# the embedded superuser's password (docs/operations.md), for pgbench
PGPASSWORD=$(cat "$WORK/data/postgres-password")
export PGPASSWORD
echo "server up; embedded PostgreSQL on port $PG_PORT; $(grep -o 'demo data loaded.*' "$WORK/server.log" || true)"

export QUERY_FILE=$PWD/src/bench/hosts-page.graphql
SQL=$PWD/src/bench/hosts-page.sql
# Show the answer once (sanity), then warm both paths up.
ANSWER=$(curl -sf -H 'Content-Type: application/json' \
  -d "$(python3 -c 'import json,sys;print(json.dumps({"query":open(sys.argv[1]).read()}))' "$QUERY_FILE")" \
  "http://localhost:$PORT/graphql")
echo "${ANSWER:0:300}"
# On 2 cores the JIT needs minutes of load (C2 shares the cores) before the server runs at
# steady state; measuring earlier measures the compiler.
wrk -t2 -c"$CLIENTS" -d"${WARMUP:-300}s" -s src/bench/post.lua "http://localhost:$PORT/graphql" >/dev/null
sleep 30   # let the compiler's queue drain
pgbench -n -h localhost -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -T 5 -f "$SQL" postgres >/dev/null 2>&1

echo "== pgbench: hand-written SQL, $CLIENTS clients, ${DURATION}s"
pgbench -n -h localhost -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -T "$DURATION" -f "$SQL" postgres 2>&1 | tee "$WORK/pgbench.txt" | grep -E 'tps|latency average'
echo "== wrk: GraphQL, $CLIENTS connections, ${DURATION}s"
wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -s src/bench/post.lua "http://localhost:$PORT/graphql" | tee "$WORK/wrk.txt" | grep -E 'Requests/sec|Latency|Non-2xx|50%|99%'

TPS=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench.txt" | head -1 | grep -o '[0-9.]*$')
RPS=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/wrk.txt" | grep -o '[0-9.]*$')
python3 -c "print(f'ratio GraphQL/SQL = {float(\"$RPS\")/float(\"$TPS\"):.3f}  ({float(\"$RPS\"):.0f} req/s vs {float(\"$TPS\"):.0f} tps)')"
if [ "${PROFILE:-0}" = 1 ]; then
  # the measured GraphQL run only
  jcmd $SERVER JFR.dump name=bench begin=-$((DURATION + 5))s filename="$WORK/server.jfr" >/dev/null
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$WORK/server.jfr" | src/bench/top-frames.py
  echo "profile: $WORK/server.jfr"
fi
