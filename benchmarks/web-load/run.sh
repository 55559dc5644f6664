#!/usr/bin/env bash
# Load on the example Spring Boot app over loopback with Debian's wrk: 1,000 concurrent clients reading one run, then
# 1,000 submitting runs, each first as clients that pause between requests (a stated offered rate: the latency
# a client sees), then as connections that never pause (saturation: the most the app serves). Run from the repository root after
#   ./mvnw -B -q -pl examples/spring-app -am package -DskipTests
# Usage: benchmarks/web-load/run.sh [seconds per phase, default 30] [extra app arguments...]
set -euo pipefail
SECONDS_PER_PHASE=${1:-30}
shift || true
PORT=${PORT:-18080}
JAR=examples/spring-app/target/supervisor-spring-app.jar
LOG=examples/spring-app/target/web-load-app.log
ulimit -n 65536 2>/dev/null || true
# The demo API key the app logs at start authenticates the load; the per-client rate limit is lifted, since every
# connection comes from one address.
java -Xmx2g -jar "$JAR" --server.port="$PORT" --codechange.demo-api-key=true --codechange.work-delay=0ms \
  --supervisor.max-active-runs=1000000 --supervisor.security.rate-limit.enabled=false --logging.level.root=WARN \
  "$@" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'API key: sk_' "$LOG" && break
  sleep 1
done
API_KEY=$(grep -o 'API key: sk_[A-Za-z0-9_]*' "$LOG" | head -1 | cut -d' ' -f3)
export API_KEY
BASE="http://127.0.0.1:$PORT"
RUN=$(curl -fs -X POST -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' \
  --data "{\"workflow\": $(cat examples/spring-app/src/main/resources/code-change.json)}" \
  "$BASE/supervisor/api/runs" | sed 's/.*"runId":"\([^"]*\)".*/\1/')
sleep 2
export RUN_PATH="/supervisor/api/runs/$RUN"
phase() { # name connections script [mean pause between a client's requests, ms]
  echo "== $1: $2 connections, pause ${4:-0} ms, ${SECONDS_PER_PHASE}s; load average before:" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  THINK_MS=${4:-0} wrk -t2 -c"$2" -d"${SECONDS_PER_PHASE}s" --timeout 10s --latency -s "benchmarks/web-load/$3" "$BASE" \
    | grep -E "requests in|Non-2xx|Socket errors|^p50"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
wrk -t2 -c100 -d10s -s benchmarks/web-load/read.lua "$BASE" > /dev/null # warm-up
phase "read a run" 1000 read.lua 500
phase "read a run" 10 read.lua
phase "read a run" 1000 read.lua
wrk -t2 -c100 -d10s -s benchmarks/web-load/submit.lua "$BASE" > /dev/null # warm-up
sleep 20 # let the warm-up's runs finish
phase "submit a run" 1000 submit.lua 4000
sleep 20
phase "submit a run" 10 submit.lua
sleep 20
phase "submit a run" 1000 submit.lua
