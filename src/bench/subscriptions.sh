#!/usr/bin/env bash
# Subscription fan-out benchmark (docs/performance.md): 1,000 anonymous WebSocket subscribers
# to scanConflictCreated with one filter, and scans of one new conflict each posted by an
# admin; prints p50/p99/max delivery latency from the scan's commit to each subscriber and
# fails when any event is lost or delivered twice, or when p99 is 1 s or more.
#
#   src/bench/subscriptions.sh                          # 1,000 subscribers, 20 scans
#   SUBSCRIBERS=200 ROUNDS=5 src/bench/subscriptions.sh   # a quick look
HOSTS=${HOSTS:-0}
source "$(dirname "$0")/server.sh"
AUTH="Token $(token_for ADMIN)"
export AUTH PORT
# each connection is a file descriptor of this shell's node and of the server
ulimit -n 8192 2>/dev/null || true
node --experimental-websocket --no-warnings src/bench/subscribers.mjs
