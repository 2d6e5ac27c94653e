#!/usr/bin/env bash
# TeraSort, 2 GB in 1 GiB (see docs/performance.md).
#
#   bench/scenarios/terasort.sh [RECORDS]        (default 20,000,000 records of 100 bytes: 2 GB)
#
# Publishes bench/scenarios/TeraSort (Native AOT), generates RECORDS gensort -a records in a new temporary folder, then, RUNS times
# (TERASORT_RUNS, default 1), each inside a 1 GiB cgroup-v1 memory limit (TERASORT_LIMIT bytes): sorts them with the
# MapReduceGen job sorted by key (no option: the engine's default memory budget), validates the part files (global
# order, record count and checksum against the input), and sorts the same file with `LC_ALL=C sort -S 256M`, the
# anchor. Prints a table row per run (wall time, CPU time: user + system, peak RSS) and the load average. Needs root (for the cgroup), GNU time and about 4.5 times
# the input's size free on the disk of the temporary folder (TERASORT_WORK, default $TMPDIR or /tmp): input, output and
# spill files; every file it made is removed at the end, whatever happens.
set -euo pipefail
records=${1:-20000000}
runs=${TERASORT_RUNS:-1}
limit=${TERASORT_LIMIT:-$((1 << 30))}
root="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

base=${TERASORT_WORK:-${TMPDIR:-/tmp}}
work=$(mktemp -d "$base/terasort.XXXXXX")
cgroup=""
cleanup() {
    rm -rf "$work"
    if [[ -n $cgroup && -d $cgroup ]]; then
        rmdir "$cgroup" 2>/dev/null || echo "could not remove the cgroup $cgroup" >&2
    fi
}
trap cleanup EXIT

# Input, output and spill of the sort (the spill is about the input's size), less what the anchor needs at once.
bytes=$((records * 100))
need=$((bytes * 9 / 2))
free=$(df --output=avail -B1 "$work" | tail -n 1 | tr -d ' ')
if ((free < need)); then
    echo "terasort.sh: $work has $((free >> 20)) MiB free, needs $((need >> 20)) MiB (input, output and spill files)" >&2
    exit 1
fi

echo "publishing bench/scenarios/TeraSort (Native AOT)..." >&2
dotnet publish "$root/bench/scenarios/TeraSort" -c Release -r linux-x64 -o "$work/bin" -v quiet -nologo >/dev/null
terasort=$work/bin/terasort
input=$work/input.txt
"$terasort" gen "$records" "$input"

# The limit: a cgroup of its own below this shell's memory cgroup (cgroup v1).
parent=/sys/fs/cgroup/memory$(awk -F: '$2 == "memory" { print $3 }' /proc/self/cgroup)
[[ -d $parent ]] || parent=/sys/fs/cgroup/memory
cgroup=$parent/terasort-$$
mkdir "$cgroup"
echo "$limit" >"$cgroup/memory.limit_in_bytes"

# Runs a command inside the limit under GNU time ("seconds peak-KiB user system" in $work/time.log); stderr to
# $work/stderr.log.
limited() {
    (
        echo "$BASHPID" >"$cgroup/cgroup.procs"
        exec /usr/bin/time -f '%e %M %U %S' -o "$work/time.log" "$@"
    ) 2>"$work/stderr.log"
}

oom_kills() { awk '$1 == "oom_kill" { n = $2 } END { print n + 0 }' "$cgroup/memory.oom_control"; }

echo "records $records ($((bytes / 1000000)) MB), limit $((limit >> 20)) MiB, $(nproc) cores; load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "| run | MapReduceGen: time | CPU | peak RSS | bytes spilled | validate | \`sort -S 256M\`: time | CPU | peak RSS | ratio: time | ratio: CPU | load (1 min) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
status=0
for run in $(seq "$runs"); do
    # MapReduceGen: the job sorted by key, a part file per key range, spill files in the work folder.
    kills=$(oom_kills)
    if ! TMPDIR=$work limited "$terasort" sort "$input" "$work/out"; then
        cat "$work/stderr.log" >&2
        echo "terasort.sh: the sort failed (OOM kills in the limit: $(($(oom_kills) - kills)))" >&2
        exit 1
    fi
    read -r seconds peak_kib user system <"$work/time.log"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f", u + s }')
    stats=$(grep '^sort:' "$work/stderr.log")
    spilled=$(sed -E 's/.*bytes_spilled=([0-9]+).*/\1/' <<<"$stats")
    hwm=$(sed -E 's/.*peak_rss_mib=([0-9na/]+).*/\1/' <<<"$stats")
    if verdict=$("$terasort" validate "$input" "$work/out" 2>/dev/null); then
        valid="OK"
    else
        valid="FAILED"
        status=1
    fi
    echo "$verdict" >&2
    rm -rf "$work/out"

    # The anchor: GNU sort of the same lines, 256 MiB of buffer, its temporary files in the work folder.
    mkdir -p "$work/sort-tmp"
    if ! LC_ALL=C limited sort -S 256M -T "$work/sort-tmp" -o "$work/sorted.txt" "$input"; then
        cat "$work/stderr.log" >&2
        echo "terasort.sh: sort -S 256M failed" >&2
        exit 1
    fi
    read -r sort_seconds sort_peak_kib user system <"$work/time.log"
    sort_cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f", u + s }')
    rm -rf "$work/sorted.txt" "$work/sort-tmp"

    ratio=$(awk -v a="$seconds" -v b="$sort_seconds" 'BEGIN { printf "%.2f", a / b }')
    cpu_ratio=$(awk -v a="$cpu" -v b="$sort_cpu" 'BEGIN { printf "%.2f", a / b }')
    printf '| %s | %s s | %s s | %s MiB (VmHWM %s MiB) | %s MB | %s | %s s | %s s | %s MiB | %sx | %sx | %s |\n' \
        "$run" "$seconds" "$cpu" "$((peak_kib >> 10))" "$hwm" "$((spilled / 1000000))" "$valid" \
        "$sort_seconds" "$sort_cpu" "$((sort_peak_kib >> 10))" "$ratio" "$cpu_ratio" "$(cut -d ' ' -f 1 /proc/loadavg)"
done
echo
echo "OOM kills in the limit: $(oom_kills); load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
exit "$status"
