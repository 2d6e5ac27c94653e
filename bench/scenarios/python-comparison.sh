#!/usr/bin/env bash
# The seed's Python SimpleMapReduce approach against the MapReduceGen harness, on the same 43 MB text, in one run.
#   bench/scenarios/python-comparison.sh [WORK]      (WORK: the folder bench/scenarios/countwords.sh used; builds there are reused)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${COUNTWORDS_WORK:-$(mktemp -d)}}"
if ! command -v python3 >/dev/null; then
  echo "python3 not found: skipping the Python comparison" >&2
  exit 0
fi
if [[ ! -x "$work/aot/countwords" || ! -f "$work/input.txt" ]]; then
  COUNTWORDS_WORK="$work" "$root/bench/scenarios/countwords.sh" 1 >/dev/null
fi
corpus="${MAPREDUCEGEN_CORPUS:-$root/../shared/corpus}"
expect=()
[[ -f "$corpus/output.txt" && -f "$corpus/kjvbible.txt" ]] && expect=(--expect "$corpus/output.txt")
echo "load: $(uptime)"
time_of() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
seed=$(time_of python3 "$root/bench/baselines/python/simple_mapreduce_wordcount.py" "$work/input.txt" --workers 2 --whole-files "${expect[@]}")
py=$(time_of python3 "$root/bench/baselines/python/simple_mapreduce_wordcount.py" "$work/input.txt" --workers 2 "${expect[@]}")
jit=$(time_of "$work/jit/countwords" "$work/input.txt" --workers 2)
aot=$(time_of "$work/aot/countwords" "$work/input.txt" --workers 2)
ratio() { python3 -c "print(f'{$1/$2:.0f}')"; }
echo "python SimpleMapReduce, the seed exactly (file per map input): $seed s"
echo "python SimpleMapReduce, 1 MiB blocks over 2 processes:         $py s"
echo "MapReduceGen JIT (2 workers):        $jit s  ($(ratio "$seed" "$jit")x / $(ratio "$py" "$jit")x faster)"
echo "MapReduceGen Native AOT (2 workers): $aot s  ($(ratio "$seed" "$aot")x / $(ratio "$py" "$aot")x faster)"
