#!/usr/bin/env bash
# MapReduceGen against its hand-written baselines, side by side (a manual tool: never run it in CI).
#
#   bench/scenarios/compare.sh [RUNS]        RUNS: timed rounds per group (default 10)
#
# 1. Builds: the countwords harness (bench/scenarios/CountWords) and its baseline (bench/baselines/CountWordsBaseline), each as
#    Native AOT and as JIT (ReadyToRun, PublishAot=false); Sample.WordCount as JIT (dotnet build -c Release) and as
#    Native AOT (dotnet publish -c Release -r linux-x64).
# 2. Makes the inputs in WORK: KJV x10 (43 MB, from shared/corpus/kjvbible.txt; without the corpus, a 43 MB Zipf
#    text) and the many-keys file (bench/scenarios/many-keys/generate.py: 20 MB, 2,000,000 distinct words).
# 3. Checks that outputs that must be equal are byte-identical: harness and baseline (every build and worker count,
#    and output.txt when the corpus is there), Sample.WordCount --tsv (JIT and AOT) and bench/baselines/python/counter_wordcount.py.
# 4. Times with hyperfine, alternating: each round runs every command of a group once (one hyperfine call per round,
#    the order rotated each round), so all commands meet the same background load. Reports medians over RUNS rounds.
# 5. Measures peak RSS (/usr/bin/time -f %M, median of 3 runs) and the map phase alone (--stats of both programs).
# 6. Prints the table of ratios: MapReduceGen time / baseline time, Python time / sample time, peak memory ratios.
#
# WORK is artifacts/compare (or $COMPARE_WORK) and is reused: builds are refreshed every run, inputs are kept.
# The corpus is found in a shared/corpus folder above the repository, or in $MAPREDUCEGEN_CORPUS.
# Needs: the .NET SDK, python3, hyperfine, GNU time (/usr/bin/time); Native AOT needs clang or gcc.
set -euo pipefail

runs="${1:-10}"
if [[ ! "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/scenarios/compare.sh [RUNS]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${COMPARE_WORK:-$root/artifacts/compare}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
for tool in dotnet python3 hyperfine; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool not found" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "compare.sh: GNU time (/usr/bin/time) not found" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

corpus="${MAPREDUCEGEN_CORPUS:-}"
if [[ -z "$corpus" ]]; then
  dir="$root"
  while [[ "$dir" != "/" ]]; do
    if [[ -f "$dir/shared/corpus/kjvbible.txt" ]]; then
      corpus="$dir/shared/corpus"
      break
    fi
    dir="$(dirname "$dir")"
  done
fi

say() { printf '\n== %s (%s)\n' "$1" "$(uptime | sed 's/.*load/load/')"; }

# ---------------------------------------------------------------------------------------------------------- build
say "building in $work"
build() { # LOG, then the dotnet command line
  local log="$work/logs/$1.log"
  shift
  mkdir -p "$work/logs"
  if ! dotnet "$@" -v quiet -nologo >"$log" 2>&1; then
    cat "$log" >&2
    echo "compare.sh: build failed (log: $log)" >&2
    exit 1
  fi
  echo "  $*"
}
jit=(-p:PublishAot=false --self-contained false)
build harness-aot publish "$root/bench/scenarios/CountWords" -c Release -r linux-x64 -o "$work/harness-aot"
build harness-jit publish "$root/bench/scenarios/CountWords" -c Release -r linux-x64 "${jit[@]}" -o "$work/harness-jit"
build baseline-aot publish "$root/bench/baselines/CountWordsBaseline" -c Release -r linux-x64 -o "$work/baseline-aot"
build baseline-jit publish "$root/bench/baselines/CountWordsBaseline" -c Release -r linux-x64 "${jit[@]}" -o "$work/baseline-jit"
build sample-aot publish "$root/src/Sample.WordCount" -c Release -r linux-x64 -o "$work/sample-aot"
build sample-jit build "$root/src/Sample.WordCount" -c Release

harness_aot="$work/harness-aot/countwords"
harness_jit="$work/harness-jit/countwords"
baseline_aot="$work/baseline-aot/countwords-baseline"
baseline_jit="$work/baseline-jit/countwords-baseline"
sample_aot="$work/sample-aot/Sample.WordCount"
sample_jit="dotnet $root/src/Sample.WordCount/bin/Release/net10.0/Sample.WordCount.dll"
python_counter="python3 $root/bench/baselines/python/counter_wordcount.py"

# --------------------------------------------------------------------------------------------------------- inputs
say "inputs"
kjv="$work/kjv10.txt"
expected=""
if [[ -n "$corpus" ]]; then
  want=$((10 * $(stat -c %s "$corpus/kjvbible.txt")))
  if [[ ! -f "$kjv" || "$(stat -c %s "$kjv")" != "$want" ]]; then
    for _ in $(seq 10); do cat "$corpus/kjvbible.txt"; done >"$kjv.tmp"
    mv "$kjv.tmp" "$kjv"
  fi
  [[ -f "$corpus/output.txt" ]] && expected="$corpus/output.txt"
  echo "  $kjv: kjvbible.txt x10 from $corpus"
else
  if [[ ! -f "$kjv" ]]; then
    dotnet run -c Release --project "$root/bench/micro/MapReduceGen.Benchmarks" -- generate "$kjv.tmp" 43325060
    mv "$kjv.tmp" "$kjv"
  fi
  echo "  corpus not found: $kjv is a generated 43 MB Zipf text"
fi
many="$work/many-keys.txt"
if [[ ! -f "$many" ]]; then
  python3 "$root/bench/scenarios/many-keys/generate.py" "$many.tmp"
  mv "$many.tmp" "$many"
fi
echo "  $many: $(stat -c %s "$many") bytes, 2,000,000 distinct words"

# --------------------------------------------------------------------------------------------------------- checks
say "checking outputs"
out="$work/out"
mkdir -p "$out"
same() { # FILE FILE LABEL
  if cmp -s "$1" "$2"; then
    echo "  same: $3 ($(wc -l <"$1") lines)"
  else
    echo "compare.sh: OUTPUTS DIFFER: $3 ($1 vs $2)" >&2
    exit 1
  fi
}
for build in aot jit; do
  for w in 1 2; do
    h="harness_$build"; b="baseline_$build"
    ${!h} "$kjv" --workers "$w" >"$out/harness-$build-$w.txt"
    ${!b} "$kjv" --workers "$w" >"$out/baseline-$build-$w.txt"
    same "$out/harness-$build-$w.txt" "$out/baseline-$build-$w.txt" "KJV x10, harness and baseline, $build, $w worker(s)"
  done
done
[[ -n "$expected" ]] && same "$out/baseline-aot-2.txt" "$expected" "KJV x10, baseline and countwords' output.txt"
$harness_aot "$many" --workers 2 >"$out/many-harness.txt"
$baseline_aot "$many" --workers 2 >"$out/many-baseline.txt"
$baseline_jit "$many" --workers 1 >"$out/many-baseline-jit-1.txt"
same "$out/many-harness.txt" "$out/many-baseline.txt" "many-keys, harness and baseline, aot, 2 workers"
same "$out/many-harness.txt" "$out/many-baseline-jit-1.txt" "many-keys, harness and baseline jit, 1 worker"

seed_inputs=("kjv:$kjv" "many:$many")
[[ -n "$corpus" && -d "$corpus/pymotw" ]] && seed_inputs+=("pymotw:$corpus/pymotw")
for entry in "${seed_inputs[@]}"; do
  name="${entry%%:*}"; path="${entry#*:}"
  $python_counter "$path" >"$out/python-$name.tsv"
  $sample_jit --tsv "$path" >"$out/sample-jit-$name.tsv" 2>/dev/null
  $sample_aot --tsv "$path" >"$out/sample-aot-$name.tsv" 2>/dev/null
  same "$out/sample-jit-$name.tsv" "$out/python-$name.tsv" "$name, Sample.WordCount --tsv (jit) and python Counter"
  same "$out/sample-aot-$name.tsv" "$out/python-$name.tsv" "$name, Sample.WordCount --tsv (aot) and python Counter"
done

# ------------------------------------------------------------------------------------------------- measurements
# The helper: `alternate GROUP CMD...` times the commands in RUNS rounds; `rss NAME CMD` records peak RSS (KiB);
# `maps NAME CMD` records the map time that --stats prints; `report` prints the tables.
helper="$work/compare_helper.py"
cat >"$helper" <<'PY'
import json, os, re, shlex, statistics, subprocess, sys
work, runs = os.environ["WORK"], int(os.environ["RUNS"])
store = os.path.join(work, "results.json")
data = json.load(open(store)) if os.path.exists(store) else {"time": {}, "rss": {}, "map": {}, "cmd": {}}
def save(): json.dump(data, open(store, "w"), indent=1)
def named(args):  # NAME=COMMAND pairs
    return [a.split("=", 1) for a in args]
mode, args = sys.argv[1], sys.argv[2:]
if mode == "reset":
    data = {"time": {}, "rss": {}, "map": {}, "cmd": {}}
    save()
elif mode == "alternate":
    cmds = named(args)
    for name, cmd in cmds:
        data["time"][name] = []
        data["cmd"][name] = cmd
    for r in range(runs):
        order = cmds[r % len(cmds):] + cmds[:r % len(cmds)]
        path = os.path.join(work, "round.json")
        subprocess.run(["hyperfine", "-N", "--style", "none", "--runs", "1", "--warmup", "1" if r == 0 else "0",
                        "--export-json", path] + [c for _, c in order], check=True, stdout=subprocess.DEVNULL)
        for (name, _), result in zip(order, json.load(open(path))["results"]):
            data["time"][name] += result["times"]
        if sys.stderr.isatty():
            print(f"  round {r + 1}/{runs}", end="\r", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print(" " * 30, end="\r", file=sys.stderr)
    save()
elif mode == "rss":
    for name, cmd in named(args):
        values = []
        for _ in range(3):
            p = subprocess.run(["/usr/bin/time", "-f", "%M"] + shlex.split(cmd), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, check=True)
            values.append(int(p.stderr.strip().splitlines()[-1]))
        data["rss"][name] = statistics.median(values)
        data["cmd"].setdefault(name, cmd)
    save()
elif mode == "maps":
    cmds = named(args)
    for name, _ in cmds:
        data["map"][name] = []
    for r in range(runs):
        for name, cmd in cmds:
            p = subprocess.run(shlex.split(cmd) + ["--stats"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, check=True)
            data["map"][name].append(float(re.search(r"map ([0-9.]+) ms", p.stderr).group(1)))
    save()
elif mode == "report":
    t = {k: statistics.median(v) * 1000 for k, v in data["time"].items()}
    m = {k: statistics.median(v) for k, v in data["map"].items()}
    rss = data["rss"]
    def spread(k):
        v = sorted(data["time"][k])
        return f"{v[0] * 1000:.0f}-{v[-1] * 1000:.0f}"
    lo = {k: min(v) * 1000 for k, v in data["time"].items()}
    print(f"Times: medians of {runs} alternating rounds in ms, [min-max]; ratio of the medians, and of the minima (the\n"
          "runs least disturbed by other processes).\n")
    print("| comparison | MapReduceGen / sample | baseline / python | ratio | ratio of minima |")
    print("| --- | ---: | ---: | ---: | ---: |")
    def row(label, a, b, inverse=False):
        if a in t and b in t:
            x, y = (b, a) if inverse else (a, b)
            print(f"| {label} | {t[a]:.1f} [{spread(a)}] | {t[b]:.1f} [{spread(b)}] | {t[x] / t[y]:.2f} | {lo[x] / lo[y]:.2f} |")
    for build in ("aot", "jit"):
        for w in ("2", "1"):
            row(f"countwords KJV x10, {build.upper()}, {w} worker(s): MapReduceGen / baseline",
                f"harness-{build}-{w}", f"baseline-{build}-{w}")
    for build in ("aot", "jit"):
        row(f"countwords many-keys, {build.upper()}, 2 workers: MapReduceGen / baseline",
            f"many-harness-{build}-2", f"many-baseline-{build}-2")
    for build in ("jit", "aot"):
        row(f"seed rules KJV x10 --tsv: python Counter / Sample.WordCount {build.upper()}", f"sample-{build}", "python", True)
    for build in ("jit", "aot"):
        row(f"seed rules many-keys --tsv: python Counter / Sample.WordCount {build.upper()}", f"many-sample-{build}", "many-python", True)
    print("\nPeak RSS (KiB, median of 3 runs of /usr/bin/time -f %M):\n")
    print("| program | MapReduceGen / sample | baseline / python | ratio |")
    print("| --- | ---: | ---: | ---: |")
    def mrow(label, a, b):
        if a in rss and b in rss:
            print(f"| {label} | {rss[a]:,.0f} | {rss[b]:,.0f} | {rss[a] / rss[b]:.2f} |")
    mrow("countwords KJV x10, AOT, 2 workers: MapReduceGen / baseline", "rss-harness-kjv", "rss-baseline-kjv")
    mrow("countwords many-keys, AOT, 2 workers: MapReduceGen / baseline", "rss-harness-many", "rss-baseline-many")
    mrow("countwords many-keys, AOT, 1 worker: MapReduceGen / baseline", "rss-harness-many-1", "rss-baseline-many-1")
    mrow("seed rules many-keys: Sample.WordCount JIT / python Counter", "rss-sample-jit-many", "rss-python-many")
    mrow("seed rules many-keys: Sample.WordCount AOT / python Counter", "rss-sample-aot-many", "rss-python-many")
    mrow("seed rules KJV x10: Sample.WordCount AOT / python Counter", "rss-sample-aot-kjv", "rss-python-kjv")
    if m:
        print(f"\nMap phase alone (--stats, AOT, KJV x10; medians of {runs} runs, ms):\n")
        print("| program | 1 worker | 2 workers | 1 / 2 workers |")
        print("| --- | ---: | ---: | ---: |")
        for prog, label in (("harness", "MapReduceGen harness"), ("baseline", "baseline")):
            one, two = m.get(f"map-{prog}-1"), m.get(f"map-{prog}-2")
            if one and two:
                print(f"| {label} | {one:.1f} | {two:.1f} | {one / two:.2f}x |")
        if all(k in m for k in ("map-harness-1", "map-baseline-1", "map-harness-2", "map-baseline-2")):
            print(f"| map time MapReduceGen / baseline | {m['map-harness-1'] / m['map-baseline-1']:.2f} | "
                  f"{m['map-harness-2'] / m['map-baseline-2']:.2f} | |")
PY
h() { WORK="$work" RUNS="$runs" python3 "$helper" "$@"; }
h reset

say "timing countwords, KJV x10 (43 MB): harness and baseline, AOT and JIT, 1 and 2 workers"
h alternate \
  "harness-aot-2=$harness_aot $kjv --workers 2" "baseline-aot-2=$baseline_aot $kjv --workers 2" \
  "harness-aot-1=$harness_aot $kjv --workers 1" "baseline-aot-1=$baseline_aot $kjv --workers 1" \
  "harness-jit-2=$harness_jit $kjv --workers 2" "baseline-jit-2=$baseline_jit $kjv --workers 2" \
  "harness-jit-1=$harness_jit $kjv --workers 1" "baseline-jit-1=$baseline_jit $kjv --workers 1"

say "timing countwords, many-keys (20 MB, 2,000,000 distinct words), 2 workers"
h alternate \
  "many-harness-aot-2=$harness_aot $many --workers 2" "many-baseline-aot-2=$baseline_aot $many --workers 2" \
  "many-harness-jit-2=$harness_jit $many --workers 2" "many-baseline-jit-2=$baseline_jit $many --workers 2"

say "timing the seed's rules, KJV x10: Sample.WordCount --tsv (JIT, AOT) and python Counter"
h alternate "sample-jit=$sample_jit --tsv $kjv" "sample-aot=$sample_aot --tsv $kjv" "python=$python_counter $kjv"

say "timing the seed's rules, many-keys: Sample.WordCount --tsv (JIT, AOT) and python Counter"
h alternate "many-sample-jit=$sample_jit --tsv $many" "many-sample-aot=$sample_aot --tsv $many" "many-python=$python_counter $many"

say "peak RSS"
h rss "rss-harness-kjv=$harness_aot $kjv --workers 2" "rss-baseline-kjv=$baseline_aot $kjv --workers 2" \
  "rss-harness-many=$harness_aot $many --workers 2" "rss-baseline-many=$baseline_aot $many --workers 2" \
  "rss-harness-many-1=$harness_aot $many --workers 1" "rss-baseline-many-1=$baseline_aot $many --workers 1" \
  "rss-sample-jit-many=$sample_jit --tsv $many" "rss-sample-aot-many=$sample_aot --tsv $many" \
  "rss-python-many=$python_counter $many" "rss-sample-aot-kjv=$sample_aot --tsv $kjv" "rss-python-kjv=$python_counter $kjv"

say "map phase alone (--stats)"
h maps "map-harness-1=$harness_aot $kjv --workers 1" "map-baseline-1=$baseline_aot $kjv --workers 1" \
  "map-harness-2=$harness_aot $kjv --workers 2" "map-baseline-2=$baseline_aot $kjv --workers 2"

say "results"
h report
echo
echo "raw times, RSS and map times: $work/results.json; outputs: $out"
