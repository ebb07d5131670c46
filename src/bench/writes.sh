#!/usr/bin/env bash
# Write-path benchmark (docs/performance.md): createBooking with all its rules and its
# change-log record, by 32 concurrent clients each on a bookable of its own (wrk, a USER
# token), against the same rows written by one hand-written SQL transaction per booking
# (pgbench -M prepared, 32 clients on 32 other bookables), in the same run on the same
# database. Every GraphQL response must be a booking made with no errors, or the run fails.
#
#   src/bench/writes.sh                       # 20,000 demo hosts, 180 s warm-up, 30 s per tool
#   HOSTS=2000 SECONDS_PER_RUN=10 WARMUP=30 src/bench/writes.sh
#   PROFILE=1 src/bench/writes.sh            # also records a JFR profile of the measured run
DURATION=${SECONDS_PER_RUN:-30}
CLIENTS=32
source "$(dirname "$0")/server.sh"
AUTH="Token $(token_for USER)"
export AUTH
OWNER=$("${PSQL[@]}" -At -c "SELECT id FROM app_user WHERE username = 'bench-user'")

# 64 ACTIVE bookables of hosts of their own, numbered consecutively: the first 32 for
# GraphQL, the other 32 for SQL (client n books base + n).
FIRST=$("${PSQL[@]}" -At <<'SQL'
WITH h AS (INSERT INTO host (hostname, status) SELECT 'bench-' || g, 'ACTIVE' FROM generate_series(1, 64) g RETURNING id),
     b AS (INSERT INTO bookable (host_id, status) SELECT id, 'ACTIVE' FROM h ORDER BY id RETURNING id)
SELECT CASE WHEN max(id) - min(id) = 63 THEN min(id) END FROM b;
SQL
)
[ -n "$FIRST" ] || { echo "FAILED: the benchmark's bookables are not numbered consecutively" >&2; exit 1; }
"${PSQL[@]}" -c "CREATE SEQUENCE bench_slot"
BOOKABLES=$(python3 -c "
import base64, sys
first = int(sys.argv[1])
print(','.join(base64.urlsafe_b64encode(f'Bookable:{first + i}'.encode()).decode().rstrip('=') for i in range($CLIENTS)))
" "$FIRST")
export BOOKABLES CONNECTIONS=$((CLIENTS / 2))
export SCRIPT=src/bench/book.lua
holds() {
  "${PSQL[@]}" -At -c "SELECT count(*) FROM hold WHERE bookable_id BETWEEN $FIRST AND $((FIRST + CLIENTS - 1))"
}

# FROM_HOUR moves each wrk run's bookings past the previous run's, so none overlaps
FROM_HOUR=0 checked_wrk -t2 -c"$CLIENTS" -d"${WARMUP:-180}s" >/dev/null
sleep 20   # let the compiler's queue drain
PGBENCH=(pgbench -n -M prepared -h localhost -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -f src/bench/book.sql
  -D base=$((FIRST + CLIENTS)) -D owner="$OWNER")
"${PGBENCH[@]}" -T 5 postgres >"$WORK/pgbench-warmup.txt" 2>&1 || { cat "$WORK/pgbench-warmup.txt" >&2; exit 1; }

echo "== pgbench: the same rows by hand-written SQL, prepared, $CLIENTS clients, ${DURATION}s"
CPU0=$(cpu_now)
"${PGBENCH[@]}" -T "$DURATION" postgres 2>&1 | tee "$WORK/pgbench.txt" | grep -E 'tps|latency average|failed'
CPU1=$(cpu_now)
BEFORE=$(holds)
echo "== wrk: createBooking as a USER, $CLIENTS connections on $CLIENTS bookables, ${DURATION}s"
MEASURED_FROM=$(date +%H:%M:%S)   # the profile's samples from here on
FROM_HOUR=1000000 checked_wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency | tee "$WORK/wrk.txt" \
  | grep -E 'Requests/sec|Latency|Non-2xx|50%|99%|requests in|unexpected'
CPU2=$(cpu_now)
MADE=$(( $(holds) - BEFORE ))

TPS=$(grep -o 'tps = [0-9.]*' "$WORK/pgbench.txt" | head -1 | grep -o '[0-9.]*$')
RPS=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/wrk.txt" | grep -o '[0-9.]*$')
echo "bookings made by the measured GraphQL run: $MADE"
echo "CPU per booking, SQL:     $(cpu_per_request "$CPU0" "$CPU1" "$(grep -o 'actually processed: [0-9]*' "$WORK/pgbench.txt" | grep -o '[0-9]*$')")"
echo "CPU per booking, GraphQL: $(cpu_per_request "$CPU1" "$CPU2" "$MADE")"
python3 -c "print(f'ratio GraphQL/SQL = {float(\"$RPS\")/float(\"$TPS\"):.3f}  ({float(\"$RPS\"):.0f} req/s vs {float(\"$TPS\"):.0f} tps)')"

if [ "${PROFILE:-0}" = 1 ]; then
  # the measured GraphQL run only
  jcmd $SERVER JFR.dump name=bench begin=-$((DURATION + 5))s filename="$WORK/server.jfr" >/dev/null
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$WORK/server.jfr" | src/bench/top-frames.py "$MEASURED_FROM"
  echo "profile: $WORK/server.jfr"
fi
