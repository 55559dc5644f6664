#!/usr/bin/env bash
# Load on the example Spring Boot app over loopback with Debian's wrk: 1,000 concurrent connections reading one
# run, then 1,000 submitting runs. Run from the repository root after
#   ./mvnw -B -q -pl examples/spring-app -am package -DskipTests
# Usage: benchmarks/web-load/run.sh [seconds per phase, default 30] [extra app arguments...]
set -euo pipefail
SECONDS_PER_PHASE=${1:-30}
shift || true
PORT=${PORT:-18080}
JAR=examples/spring-app/target/supervisor-spring-app.jar
TOKEN=load-token
export TOKEN
ulimit -n 65536 2>/dev/null || true
java -Xmx2g -jar "$JAR" --server.port="$PORT" --codechange.tokens.$TOKEN=admin --codechange.work-delay=0ms \
  --codechange.max-active-runs=1000000 --logging.level.root=WARN "$@" > examples/spring-app/target/web-load-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
BASE="http://127.0.0.1:$PORT"
RUN=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data "{\"workflow\": $(cat examples/spring-app/src/main/resources/code-change.json)}" \
  "$BASE/supervisor/api/runs" | sed 's/.*"runId":"\([^"]*\)".*/\1/')
sleep 2
export RUN_PATH="/supervisor/api/runs/$RUN"
phase() { # name connections script
  echo "== $1: $2 connections, ${SECONDS_PER_PHASE}s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t2 -c"$2" -d"${SECONDS_PER_PHASE}s" --timeout 10s --latency -s "benchmarks/web-load/$3" "$BASE" \
    | grep -E "requests in|Non-2xx|Socket errors|^p50"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
wrk -t2 -c100 -d10s -s benchmarks/web-load/read.lua "$BASE" > /dev/null # warm-up
phase "read a run" 10 read.lua
phase "read a run" 1000 read.lua
wrk -t2 -c100 -d10s -s benchmarks/web-load/submit.lua "$BASE" > /dev/null # warm-up
sleep 20 # let the warm-up's runs finish
phase "submit a run" 10 submit.lua
sleep 20
phase "submit a run" 1000 submit.lua
