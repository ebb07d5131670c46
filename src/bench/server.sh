# Sourced by the benchmarks (run.sh, writes.sh, peers.sh): builds the jar if missing, starts it
# on a fresh embedded PostgreSQL with HOSTS demo hosts (and the server arguments in
# SERVER_ARGS, JVM options in JAVA_OPTS), waits for the data, and gives the caller PG_PORT,
# PGPASSWORD, PSQL, SERVER, WORK, token_for <role> and checked_wrk <wrk args>.
# The server and its data are removed when the calling script exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
HOSTS=${HOSTS:-20000}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/cores-bench.XXXX)
[ -f target/cores.jar ] || mvn -q -B -ntp -DskipTests package

# With PROFILE=1 the recording runs from the start: starting one later deoptimises compiled
# code and the profile would show the JIT catching up, not the server. Stacks are recorded
# whole (the default keeps 64 frames, too few to tell the filters apart).
JFR_OPTS=()
[ "${PROFILE:-0}" = 1 ] && JFR_OPTS=(-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=name=bench,settings=profile)
# With CDS=1 the server runs from the jar's extracted layout with a class data sharing
# archive of the classes a start loads, made once by a training start (docs/performance.md).
JAR=target/cores.jar
CDS_OPTS=()
if [ "${CDS:-0}" = 1 ]; then
  if [ ! -f target/cds/cores.jsa ] || [ target/cds/cores.jsa -ot target/cores.jar ]; then
    rm -rf target/cds
    java -Djarmode=tools -jar target/cores.jar extract --destination target/cds >/dev/null
    CORES_DATA_DIR="$WORK/training" CORES_DEMO_HOSTS=0 SERVER_PORT=0 java -XX:ArchiveClassesAtExit=target/cds/cores.jsa \
      -Dspring.context.exit=onRefresh -jar target/cds/cores.jar >"$WORK/training.log" 2>&1
    rm -rf "$WORK/training"
  fi
  JAR=target/cds/cores.jar
  CDS_OPTS=(-XX:SharedArchiveFile=target/cds/cores.jsa)
fi
STARTED_AT=$(date +%s.%N)
CORES_DATA_DIR="$WORK/data" CORES_DEMO_HOSTS=$HOSTS SERVER_PORT=$PORT \
  java "${JFR_OPTS[@]}" "${CDS_OPTS[@]}" ${JAVA_OPTS:-} -jar "$JAR" ${SERVER_ARGS:-} >"$WORK/server.log" 2>&1 &
SERVER=$!
# `|| true`: under set -e the killed server's status (143) would become the script's
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK/data"' EXIT
for _ in $(seq 1 2400); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break
  sleep 0.1
done
# seconds from the launch to the first healthy answer (the demo data loads after it)
STARTUP_SECONDS=$(python3 -c "import time; print(f'{time.time() - $STARTED_AT:.1f}')")
# Demo data loads after the server starts listening; measure only once it is in.
if [ "$HOSTS" -gt 0 ]; then
  for _ in $(seq 1 300); do
    grep -q 'demo data loaded\|already has hosts' "$WORK/server.log" && break
    sleep 1
  done
fi
PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$WORK/server.log" | grep -o '[0-9]*$')
# the embedded superuser's password (docs/operations.md), for psql and pgbench
PGPASSWORD=$(cat "$WORK/data/postgres-password")
export PGPASSWORD
echo "server up; embedded PostgreSQL on port $PG_PORT; $(grep -o 'demo data loaded.*' "$WORK/server.log" || true)"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d postgres)

# A user of the given role and its API token, made as TokenKeys makes them (only the key's
# SHA-256 is stored); prints the key. The user is bench-<role>.
token_for() {
  local role=$1 key
  key="cores_bench-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  "${PSQL[@]}" -v key="$key" -v role="$role" -v name="bench-${role,,}" >/dev/null <<'SQL'
WITH u AS (INSERT INTO app_user (username, email, role) VALUES (:'name', :'name' || '@example.net', :'role') RETURNING id)
INSERT INTO api_token (key_hash, key_prefix, owner_id, role, comment)
SELECT encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), left(:'key', 12), id, :'role', 'benchmark' FROM u;
SQL
  echo "$key"
}

# wrk with a checking script (SCRIPT, default post.lua), failing the run when a response was
# not what the script expects (it counts them); against Cores, or the server at WRK_URL
checked_wrk() {
  wrk "$@" -s "${SCRIPT:-src/bench/post.lua}" "${WRK_URL:-http://localhost:$PORT/graphql}" | tee "$WORK/wrk-last.txt"
  local unexpected
  unexpected=$(grep -o 'unexpected responses: [0-9]*' "$WORK/wrk-last.txt" | grep -o '[0-9]*$')
  if [ "${unexpected:-missing}" != 0 ]; then
    grep 'first unexpected' "$WORK/wrk-last.txt" >&2 || true
    echo "FAILED: ${unexpected:-no count of} unexpected responses" >&2
    exit 1
  fi
}

# CPU seconds used so far by the server's JVM, by its request threads (Tomcat's workers: the
# JVM less its compiler and collector) and by its PostgreSQL (every process of it, with the
# backends that have exited), as "jvm requests postgres": a run's difference over its request
# count is the CPU each request costs, which a loaded machine distorts less than throughput.
cpu_now() {
  local postmaster
  postmaster=$(head -1 "$(find "$WORK/data" -name postmaster.pid | head -1)")
  python3 - "$SERVER" "$postmaster" $(pgrep -d' ' -P "$postmaster" || true) <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
def used(stat, children=True):
    try:
        fields = open(stat).read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    # utime, stime and, for a process, those of its reaped children
    return sum(int(f) for f in fields[11:15 if children else 13])
def workers(pid):
    tasks = f"/proc/{pid}/task"
    return sum(used(f"{tasks}/{t}/stat", False) for t in os.listdir(tasks)
               if open(f"{tasks}/{t}/comm").read().startswith("http-nio"))
jvm, *db = sys.argv[1:]
print(f"{used(f'/proc/{jvm}/stat') / tick:.2f} {workers(jvm) / tick:.2f} {sum(used(f'/proc/{p}/stat') for p in db) / tick:.2f}")
PY
}

# "JVM a ms (request threads b ms) + PostgreSQL c ms": the CPU per request between two cpu_now readings
cpu_per_request() {  # before after requests
  python3 -c "
import sys
b, a, n = sys.argv[1].split(), sys.argv[2].split(), float(sys.argv[3])
jvm, req, db = ((float(a[i]) - float(b[i])) * 1000 / n for i in range(3))
print(f'JVM {jvm:.2f} ms (request threads {req:.2f} ms) + PostgreSQL {db:.2f} ms')" "$1" "$2" "$3"
}
