#!/usr/bin/env bash
# Runs one benchmark (never part of the build or CI). Usage: bench/run.sh NAME [args…]
#   ack       [seconds=15] [rate=200] [concurrency=8]   Slack ack path vs bare Javalin: throughput ratio, p50/p99
#   delivery  [members=10000] [capPerMinute=3000] [latencyMs=150]  DMs through a rate-limited fake Slack; lost/doubled/429s; bot PSS
#   fanout    slack|teams [workspaces=50] [members=200] [latencyMs=150]  many workspaces at once, in-process; per-workspace rates, CPU
#   planning  [agencies=100] [perAgency=1000]           CheckInPlanner vs raw INSERT … SELECT; heap/RSS
#   statewide [agencies=1000] [members=1000] [latencyMs=150] [replicas=1] [roundSeconds=60] [unread=50]
#             bot JVMs plan a statewide network; planning pass, first round, /readyz and ack p99, PSS
#   startup   [runs=5]                                  start-up time and idle memory (bench/startup.sh)
# Builds what it needs first (offline if the local repository has everything).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-}; shift || true
case "$name" in
  ack) main=org.tenfour.bench.AckBench ;;
  delivery) main=org.tenfour.bench.DeliveryBench ;;
  planning) main=org.tenfour.bench.PlanningBench ;;
  fanout) main=org.tenfour.bench.FanOutBench ;;
  statewide) main=org.tenfour.bench.StatewideBench ;;
  startup) exec bench/startup.sh "$@" ;;
  *) echo "usage: bench/run.sh ack|delivery|fanout|planning|statewide|startup [args…]" >&2; exit 2 ;;
esac
if [ ! -d bench/target/classes ] || [ -n "${BENCH_REBUILD:-}" ]; then
  # package, never install: the local Maven repository may be shared
  ./mvnw -q -B -DskipTests package >/dev/null
fi
# the bot's shaded jar carries every runtime dependency; the adapters' test jar has the fake Slack
CP="bench/target/classes:bot/target/tenfour.jar:$(ls adapters/target/tenfour-adapters-*-tests.jar)"
# the production logging configuration, not the test jars' logback-test.xml
exec java -Dlogback.configurationFile=logback.xml ${JAVA_OPTS:-} -cp "$CP" "$main" "$@"
