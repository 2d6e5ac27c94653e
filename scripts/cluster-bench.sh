#!/usr/bin/env bash
# Measures Sample.WordCount's job on 1, 2 and 3 local Orleans silos (separate processes on 127.0.0.1):
#   - the client process: its peak memory (VmHWM) and the bytes it received from the cluster (Orleans' own message-size
#     instrument) in a client process that runs the job once and nothing else, and the bytes of map output among them;
#   - the time, against the local runner on the same input: best and median of REPEAT alternating runs after two
#     warm-ups each (REPEAT=0 skips the timing).
# Stops everything it started.
#
#   scripts/cluster-bench.sh [PATH...]     default: ../shared/corpus/kjvbible.txt copied COPIES times (or generated text)
#
# Environment: SILO_PORT (11211), GATEWAY_PORT (30100), REPEAT (3), COPIES (8), SPLIT_BYTES (0 = automatic),
#              SHARED (../shared: where corpus/kjvbible.txt is looked for).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SILO_PORT=${SILO_PORT:-11211}
GATEWAY_PORT=${GATEWAY_PORT:-30100}
REPEAT=${REPEAT:-3}
COPIES=${COPIES:-8}
SPLIT_BYTES=${SPLIT_BYTES:-0}
SHARED=${SHARED:-../shared}
WORK=$(mktemp -d)
PIDS=()

stop_silos() {
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    PIDS=()
}
trap 'stop_silos; rm -rf "$WORK"' EXIT

if [ "$#" -gt 0 ]; then
    INPUTS=("$@")
else
    mkdir -p "$WORK/text"
    if [ -f "$SHARED/corpus/kjvbible.txt" ]; then
        for i in $(seq 1 "$COPIES"); do cp "$SHARED/corpus/kjvbible.txt" "$WORK/text/copy$i.txt"; done
    else
        for i in $(seq 1 "$COPIES"); do
            scripts/generate-text.sh "$i" 100000 > "$WORK/text/part$i.txt"
        done
    fi
    INPUTS=("$WORK/text")
fi

dotnet build bench/scenarios/ClusterDemo -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
DEMO=(dotnet bench/scenarios/ClusterDemo/bin/Release/net10.0/ClusterDemo.dll)

start_silo() { # index
    local index=$1 log="$WORK/silo$1.log"
    "${DEMO[@]}" silo --silo-port $((SILO_PORT + index)) --gateway-port $((GATEWAY_PORT + index)) --primary-port "$SILO_PORT" >"$log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do
        grep -q "silo ready" "$log" && return 0
        kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.5
    done
    echo "silo $index did not start" >&2; exit 1
}

for silos in 1 2 3; do
    gateways=""
    for ((i = 0; i < silos; i++)); do
        start_silo "$i"
        gateways+="${gateways:+,}$((GATEWAY_PORT + i))"
    done
    # A throw-away run first, so every silo has compiled the job's code; then the measured client process.
    "${DEMO[@]}" client --gateways "$gateways" --measure --split-bytes "$SPLIT_BYTES" "${INPUTS[@]}" >/dev/null
    printf '%d silo(s): ' "$silos"
    "${DEMO[@]}" client --gateways "$gateways" --measure --split-bytes "$SPLIT_BYTES" "${INPUTS[@]}"
    if [ "$REPEAT" -gt 0 ]; then
        printf '%d silo(s): ' "$silos"
        "${DEMO[@]}" client --gateways "$gateways" --repeat "$REPEAT" --split-bytes "$SPLIT_BYTES" "${INPUTS[@]}"
    fi
    stop_silos
done
