#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar tenfour.jar serve` to the first 200 on /readyz, with an
# empty embedded data directory and with an existing one; then the idle memory of the bot's JVM and
# of every embedded-PostgreSQL process as proportional set size (PSS), summed. Usage: bench/startup.sh [runs] (default 5).
# Needs the jar: ./mvnw -q -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bot/target/tenfour.jar
RUNS=${1:-5}
PORT=${PORT:-18480}
JAVA_OPTS=${JAVA_OPTS:-}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 1; }
DATA=$(mktemp -d)
trap 'pkill -f "tenfour-bench-$$" 2>/dev/null || true; rm -rf "$DATA"' EXIT

ms() { date +%s%3N; }

start_and_wait() {  # sets ELAPSED (ms to ready) and PID; leaves the process running
  local t0; t0=$(ms)
  TENFOUR_DATA_DIR="$DATA/data" PORT=$PORT java $JAVA_OPTS -Dtenfour.bench=tenfour-bench-$$ -jar "$JAR" serve \
      > "$DATA/out.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    kill -0 $PID 2>/dev/null || { cat "$DATA/out.log"; exit 1; }
    sleep 0.02
  done
  ELAPSED=$(( $(ms) - t0 ))
}

stop() { kill -TERM $PID; wait $PID 2>/dev/null || true; }

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
# proportional set size: shared pages (PostgreSQL's shared memory, libraries) divided among the
# processes that map them, so the sum over processes is what they use together
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
empty=(); existing=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$DATA/data"
  start_and_wait; empty+=("$ELAPSED"); stop
  start_and_wait; existing+=("$ELAPSED")
  if [ "$i" = "$RUNS" ]; then
    sleep 10  # let start-up garbage settle before reading idle memory
    jvm=$(rss_kb $PID); jvm_pss=$(pss_kb $PID)
    pg=0; pg_pss=0; n=0; pm=$(head -1 "$DATA/data/pg/postmaster.pid")
    for p in $pm $(pgrep -P "$pm"); do
      pg=$((pg + $(rss_kb "$p"))); pg_pss=$((pg_pss + $(pss_kb "$p"))); n=$((n + 1))
    done
    echo "idle PSS: bot $((jvm_pss / 1024)) MB + embedded PostgreSQL ($n processes) $((pg_pss / 1024)) MB = $(((jvm_pss + pg_pss) / 1024)) MB"
    echo "idle RSS (shared memory counted in each process): bot JVM $((jvm / 1024)) MB; PostgreSQL $((pg / 1024)) MB"
  fi
  stop
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "ready, empty data directory:    median $(median "${empty[@]}") ms (runs: ${empty[*]})"
echo "ready, existing data directory: median $(median "${existing[@]}") ms (runs: ${existing[*]})"
