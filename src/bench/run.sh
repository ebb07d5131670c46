#!/usr/bin/env bash
# Read-path benchmark (docs/performance.md): the page of 50 hosts with rack -> lab -> building,
# NICs and bookable status, read by 32 concurrent clients through GraphQL (wrk, with a USER
# token as a frontend sends it) and, in the same run against the same database, as one
# hand-written SQL query (pgbench, prepared like the server's driver prepares). Any response
# with GraphQL errors or a non-200 status fails the run. Then the rate of refused requests:
# a document at the token limit that the alias limit refuses.
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
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d postgres)

# A USER and its API token, made as TokenKeys makes them (only the key's SHA-256 is stored):
# there is no mutation that creates users yet.
USER_KEY="cores_bench-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
"${PSQL[@]}" -v key="$USER_KEY" <<'SQL'
WITH u AS (INSERT INTO app_user (username, email, role) VALUES ('bench-user', 'bench@example.net', 'USER') RETURNING id)
INSERT INTO api_token (key_hash, key_prefix, owner_id, role, comment)
SELECT encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), left(:'key', 12), id, 'USER', 'benchmark' FROM u;
SQL
export AUTH="Token $USER_KEY"

# wrk, failing the run when a response was not what it expects (post.lua counts them)
checked_wrk() {
  wrk "$@" -s src/bench/post.lua "http://localhost:$PORT/graphql" | tee "$WORK/wrk-last.txt"
  local unexpected
  unexpected=$(grep -o 'unexpected responses: [0-9]*' "$WORK/wrk-last.txt" | grep -o '[0-9]*$')
  if [ "${unexpected:-missing}" != 0 ]; then
    grep 'first unexpected' "$WORK/wrk-last.txt" >&2 || true
    echo "FAILED: ${unexpected:-no count of} unexpected responses" >&2
    exit 1
  fi
}

export QUERY_FILE=$PWD/src/bench/hosts-page.graphql
SQL=$PWD/src/bench/hosts-page.sql
# Show the answer once (sanity), then warm both paths up.
ANSWER=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: $AUTH" \
  -d "$(python3 -c 'import json,sys;print(json.dumps({"query":open(sys.argv[1]).read()}))' "$QUERY_FILE")" \
  "http://localhost:$PORT/graphql")
echo "${ANSWER:0:300}"
REFUSED=$WORK/refused.graphql
src/bench/refused.py >"$REFUSED"
refused_once() {
  python3 -c 'import json,sys;print(json.dumps({"query":open(sys.argv[1]).read()}))' "$REFUSED" \
    | curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' -H "Authorization: $AUTH" -d @- \
      "http://localhost:$PORT/graphql"
}
echo "a refused document on the cold server: $(refused_once) s, then $(refused_once) s"
# On 2 cores the JIT needs minutes of load (C2 shares the cores) before the server runs at
# steady state; measuring earlier measures the compiler.
checked_wrk -t2 -c"$CLIENTS" -d"${WARMUP:-300}s" >/dev/null
sleep 30   # let the compiler's queue drain
PGBENCH=(pgbench -n -M prepared -h localhost -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -f "$SQL")
"${PGBENCH[@]}" -T 5 postgres >/dev/null 2>&1

echo "== pgbench: hand-written SQL, prepared, $CLIENTS clients, ${DURATION}s"
"${PGBENCH[@]}" -T "$DURATION" postgres 2>&1 | tee "$WORK/pgbench.txt" | grep -E 'tps|latency average|failed'
echo "== wrk: GraphQL as a USER, $CLIENTS connections, ${DURATION}s"
checked_wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency | tee "$WORK/wrk.txt" | grep -E 'Requests/sec|Latency|Non-2xx|50%|99%|unexpected'

TPS=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench.txt" | head -1 | grep -o '[0-9.]*$')
RPS=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/wrk.txt" | grep -o '[0-9.]*$')
python3 -c "print(f'ratio GraphQL/SQL = {float(\"$RPS\")/float(\"$TPS\"):.3f}  ({float(\"$RPS\"):.0f} req/s vs {float(\"$TPS\"):.0f} tps)')"

if [ "${PROFILE:-0}" = 1 ]; then
  # the measured GraphQL run only
  jcmd $SERVER JFR.dump name=bench begin=-$((DURATION + 5))s filename="$WORK/server.jfr" >/dev/null
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$WORK/server.jfr" | src/bench/top-frames.py
  echo "profile: $WORK/server.jfr"
fi

# Refusals, after the profile (which covers the read run only): every response must be the
# alias refusal.
echo "== wrk: a refused document ($(wc -c <"$REFUSED") bytes, at the token limit), $CLIENTS connections, ${DURATION}s"
QUERY_FILE=$REFUSED EXPECT='aliases; the maximum is' checked_wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency \
  | grep -E 'Requests/sec|Latency|Non-2xx|50%|99%|unexpected'
