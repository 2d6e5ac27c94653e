#!/usr/bin/env bash
# Runs Sample.WordCount's job on a two-silo Orleans cluster on 127.0.0.1, kills one silo (SIGKILL) in the middle of
# the run, prints the word table anyway, checks every count against the local runner, and stops what it started.
#
#   scripts/cluster-demo.sh [PATH...]        default: ../shared/corpus, or generated text when that is missing
#
# Environment: SILO_PORT (default 11111) and GATEWAY_PORT (default 30000); the second silo uses the next port of each.
#              SPLIT_BYTES (default 262144): the size of the byte ranges the map tasks read.
#              KILL_AT_TASK (default 6): the silo dies when this map task starts.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SILO_PORT=${SILO_PORT:-11111}
GATEWAY_PORT=${GATEWAY_PORT:-30000}
SPLIT_BYTES=${SPLIT_BYTES:-262144}
KILL_AT_TASK=${KILL_AT_TASK:-6}
WORK=$(mktemp -d)
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$#" -gt 0 ]; then
    INPUTS=("$@")
elif [ -d ../shared/corpus ]; then
    INPUTS=(../shared/corpus)
else
    echo "(../shared/corpus not found: generating text)" >&2
    mkdir -p "$WORK/text"
    for i in 1 2 3 4; do
        scripts/generate-text.sh "$i" 40000 > "$WORK/text/part$i.txt"
    done
    INPUTS=("$WORK/text")
fi

echo "building the demo..." >&2
dotnet build bench/scenarios/ClusterDemo -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
DEMO=(dotnet bench/scenarios/ClusterDemo/bin/Release/net10.0/ClusterDemo.dll)

start_silo() { # index
    local index=$1 log="$WORK/silo$1.log"
    "${DEMO[@]}" silo --silo-port $((SILO_PORT + index)) --gateway-port $((GATEWAY_PORT + index)) --primary-port "$SILO_PORT" >"$log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do
        if grep -q "silo ready" "$log"; then
            echo "silo $index: $(grep 'silo ready' "$log")" >&2
            return 0
        fi
        if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then
            echo "silo $index exited:" >&2; cat "$log" >&2; exit 1
        fi
        sleep 0.5
    done
    echo "silo $index did not start in 60 s:" >&2; cat "$log" >&2; exit 1
}

start_silo 0            # the primary: it holds the (development) membership table
start_silo 1
VICTIM=${PIDS[1]}

echo "running the job; silo 1 (pid $VICTIM) will be killed when map task $KILL_AT_TASK starts" >&2
"${DEMO[@]}" client --gateways "$GATEWAY_PORT,$((GATEWAY_PORT + 1))" --kill-pid "$VICTIM" --kill-at-task "$KILL_AT_TASK" \
    --split-bytes "$SPLIT_BYTES" --verify "${INPUTS[@]}"
wait "$VICTIM" 2>/dev/null || true
if kill -0 "$VICTIM" 2>/dev/null; then
    echo "silo 1 is still alive: the kill did not happen" >&2
    exit 1
fi
