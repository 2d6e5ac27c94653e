#!/usr/bin/env bash
# Memory and core-usage benchmark of Sample.WordCount (manual; not part of CI).
#
#   bench/scenarios/memory/run.sh [SIZE_MIB]     (default 1024)
#
# 1. Generates one SIZE_MIB file (100,000 distinct words) and counts it: peak resident set size
#    ("Maximum resident set size" of /usr/bin/time -v) must stay far below the input size, because the
#    counts are bounded by the distinct words, not by the bytes read.
# 2. Counts the same file with --workers 1, then with every core: (user + sys) / elapsed shows how many
#    cores were busy.
# 3. Counts 1000 small files (SIZE_MIB / 1000 each, at least 64 KiB) the same way.
# Needs python3 and GNU time (/usr/bin/time). Work files go to $BENCH_DIR (default: a new temp dir, removed).
set -euo pipefail
cd "$(dirname "$0")/../../.."
size_mib=${1:-1024}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Sample.WordCount -c Release -v quiet -nologo >/dev/null
program=src/Sample.WordCount/bin/Release/net10.0/Sample.WordCount.dll

work=${BENCH_DIR:-$(mktemp -d)}
[[ -n ${BENCH_DIR:-} ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

[[ -f $work/one.txt ]] || python3 bench/scenarios/memory/generate.py one "$work/one.txt" "$size_mib"
small_kib=$(( size_mib * 1024 / 1000 )); (( small_kib >= 64 )) || small_kib=64
[[ -d $work/many ]] || python3 bench/scenarios/memory/generate.py many "$work/many" 1000 "$small_kib"

measure() { # label, then the program's arguments
    local label=$1; shift
    local log=$work/time.log
    /usr/bin/time -v dotnet "$program" "$@" --tsv >"$work/$label.tsv" 2>"$log"
    local rss_kib elapsed user sys
    rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    user=$(awk -F': ' '/User time/ {print $2}' "$log")
    sys=$(awk -F': ' '/System time/ {print $2}' "$log")
    python3 - "$label" "$rss_kib" "$elapsed" "$user" "$sys" <<'PY'
import sys
label, rss, elapsed, user, system = sys.argv[1:]
parts = [float(p) for p in elapsed.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(user) + float(system)
print(f"{label:<34} peak RSS {int(rss) / 1024:7.1f} MiB   elapsed {seconds:6.2f} s   "
      f"user+sys {cpu:6.2f} s   busy cores {cpu / seconds:4.2f}")
PY
}

echo "input: $(( $(stat -c %s "$work/one.txt") >> 20 )) MiB in one file, $(( $(cat "$work"/many/* | wc -c) >> 20 )) MiB in 1000 files; $(nproc) cores"
measure one-file-1-worker "$work/one.txt" --workers 1
measure one-file-all-cores "$work/one.txt"
measure small-files-1-worker "$work/many" --workers 1
measure small-files-all-cores "$work/many"
cmp -s "$work/one-file-1-worker.tsv" "$work/one-file-all-cores.tsv" || { echo "one file: outputs differ" >&2; exit 1; }
cmp -s "$work/small-files-1-worker.tsv" "$work/small-files-all-cores.tsv" || { echo "1000 files: outputs differ" >&2; exit 1; }
echo "outputs of 1 worker and all cores are identical; $(wc -l <"$work/one-file-all-cores.tsv") distinct words; top 3:"
head -n 3 "$work/one-file-all-cores.tsv"
