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
DURATION=${SECONDS_PER_RUN:-30}
CLIENTS=${CLIENTS:-32}
source "$(dirname "$0")/server.sh"
AUTH="Token $(token_for USER)"
export AUTH

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
MEASURED_FROM=$(date +%H:%M:%S)   # the profile's samples from here on
checked_wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency | tee "$WORK/wrk.txt" | grep -E 'Requests/sec|Latency|Non-2xx|50%|99%|unexpected'

TPS=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench.txt" | head -1 | grep -o '[0-9.]*$')
RPS=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/wrk.txt" | grep -o '[0-9.]*$')
python3 -c "print(f'ratio GraphQL/SQL = {float(\"$RPS\")/float(\"$TPS\"):.3f}  ({float(\"$RPS\"):.0f} req/s vs {float(\"$TPS\"):.0f} tps)')"

if [ "${PROFILE:-0}" = 1 ]; then
  # the measured GraphQL run only
  jcmd $SERVER JFR.dump name=bench begin=-$((DURATION + 5))s filename="$WORK/server.jfr" >/dev/null
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$WORK/server.jfr" | src/bench/top-frames.py "$MEASURED_FROM"
  echo "profile: $WORK/server.jfr"
fi

# Refusals, after the profile (which covers the read run only): every response must be the
# alias refusal.
echo "== wrk: a refused document ($(wc -c <"$REFUSED") bytes, at the token limit), $CLIENTS connections, ${DURATION}s"
QUERY_FILE=$REFUSED EXPECT='aliases; the maximum is' checked_wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency \
  | grep -E 'Requests/sec|Latency|Non-2xx|50%|99%|unexpected'
