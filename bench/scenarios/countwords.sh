#!/usr/bin/env bash
# Whole-process word count, timed from outside (see docs/performance.md).
#   bench/scenarios/countwords.sh [RUNS]
# Builds the harness twice (Native AOT, and JIT with ReadyToRun + TieredPGO), makes the 43 MB input
# (../shared/corpus/kjvbible.txt x10, or a generated Zipf text of the same size when the corpus is absent) in a
# temporary folder, checks each build's output against output.txt when present, then times 1 and 2 workers with
# hyperfine (or a loop of runs when hyperfine is absent).
set -euo pipefail
runs="${1:-10}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${COUNTWORDS_WORK:-$(mktemp -d)}"
corpus="${MAPREDUCEGEN_CORPUS:-$root/../shared/corpus}"
mkdir -p "$work"

dotnet publish "$root/bench/scenarios/CountWords" -c Release -r linux-x64 -o "$work/aot" -v quiet -nologo >/dev/null
dotnet publish "$root/bench/scenarios/CountWords" -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o "$work/jit" -v quiet -nologo >/dev/null

input="$work/input.txt"
expect=()
if [[ -f "$corpus/kjvbible.txt" ]]; then
  [[ -f "$input" ]] || for _ in $(seq 10); do cat "$corpus/kjvbible.txt"; done > "$input"
  [[ -f "$corpus/output.txt" ]] && expect=(--expect "$corpus/output.txt")
else
  echo "corpus not found: generating a 43 MB Zipf text" >&2
  [[ -f "$input" ]] || dotnet run -c Release --project "$root/bench/micro/MapReduceGen.Benchmarks" -- generate "$input" 43325060
fi

for build in aot jit; do
  "$work/$build/countwords" "$input" --workers 2 --stats "${expect[@]}" > /dev/null
done

echo "load: $(uptime)"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" \
    "$work/aot/countwords $input --workers 2" \
    "$work/aot/countwords $input --workers 1" \
    "$work/jit/countwords $input --workers 2" \
    "$work/jit/countwords $input --workers 1" \
    --export-markdown "$work/countwords.md"
  cat "$work/countwords.md"
else
  for cmd in "aot/countwords $input --workers 2" "aot/countwords $input --workers 1" "jit/countwords $input --workers 2" "jit/countwords $input --workers 1"; do
    for _ in $(seq "$runs"); do /usr/bin/time -f "%e" "$work/"$cmd > /dev/null; done 2>&1 | sort -n | awk -v c="$cmd" '{a[NR]=$1} END {print c ": min " a[1] " s, median " a[int((NR+1)/2)] " s"}'
  done
fi
echo "outputs and builds in $work"
