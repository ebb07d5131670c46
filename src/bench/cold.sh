#!/usr/bin/env bash
# From a cold start (docs/performance.md): how long Cores takes to answer, and how many pages
# of 50 hosts a second it serves after 60 s of load, for one set of JVM options; the options
# compared are given to each run:
#
#   src/bench/cold.sh                                    # the defaults
#   JAVA_OPTS=-XX:TieredStopAtLevel=1 src/bench/cold.sh  # the quick compiler only
#   CDS=1 src/bench/cold.sh                              # with a class data sharing archive
#
# 20,000 demo hosts (HOSTS), 32 connections (CLIENTS), 60 s of load (LOAD), then 30 s measured.
CLIENTS=${CLIENTS:-32}
source "$(dirname "$0")/server.sh"
AUTH="Token $(token_for USER)"
export AUTH
echo "JAVA_OPTS='${JAVA_OPTS:-}' CDS=${CDS:-0}: $(grep -o 'Started CoresApplication in [0-9.]* seconds (process running for [0-9.]*)' "$WORK/server.log"); healthy, demo data in, after ${STARTUP_SECONDS} s"
QUERY_FILE=src/bench/ops/page.cores.graphql checked_wrk -t2 -c"$CLIENTS" -d"${LOAD:-60}s" >/dev/null
QUERY_FILE=src/bench/ops/page.cores.graphql checked_wrk -t2 -c"$CLIENTS" -d30s --latency | grep -E 'Requests/sec|50%|99%'
