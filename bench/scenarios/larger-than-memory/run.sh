#!/usr/bin/env bash
# Data larger than memory, side by side (a manual tool: never run it in CI; needs root for the cgroup).
#
#   bench/scenarios/larger-than-memory/run.sh [ROUNDS] [WORDS]     ROUNDS: timed rounds (default 3); WORDS: default 20,000,000
#
# 1. Builds the countwords harness (bench/scenarios/CountWords, Native AOT) and Sample.WordCount (JIT, dotnet build -c Release).
# 2. Makes WORK/words.txt with generate.py (20,000,000 distinct words, 196 MB) unless it is there.
# 3. In a cgroup-v1 memory group limited to 1 GiB (.NET reads the limit; no option is given to either program), runs
#    ROUNDS rounds of: the harness, `Sample.WordCount --tsv`, and the anchor `tr -s ' ' '\n' | LC_ALL=C sort -S 256M |
#    uniq -c`, in that order, each timed with GNU time (wall time and peak resident set).
# 4. Checks the outputs: the harness's and the sample's have one line per distinct word (every count 1 here, so their
#    order is word order), sorted, and hold the same words as the anchor's.
# 5. Prints medians: time, peak RSS, bytes spilled (the run's and the sort's, from the harness's --stats), and the ratio
#    to the anchor measured in the same rounds, with the load average.
#
# WORK is $LTM_WORK or artifacts/larger-than-memory (kept: the input takes a minute to generate).
# LTM_REPEAT=N makes the input the generated text N times over (52: 10.2 GB, ten times the limit); every count is then N.
set -euo pipefail
rounds="${1:-3}"
words="${2:-20000000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="${LTM_WORK:-$root/artifacts/larger-than-memory}"
mkdir -p "$work"
[[ $EUID -eq 0 ]] || { echo "run.sh: needs root (a cgroup-v1 memory group)" >&2; exit 2; }
[[ -d /sys/fs/cgroup/memory ]] || { echo "run.sh: no cgroup-v1 memory controller at /sys/fs/cgroup/memory" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "run.sh: GNU time (/usr/bin/time) not found" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish "$root/bench/scenarios/CountWords" -c Release -r linux-x64 -o "$work/aot" -v quiet -nologo >/dev/null
dotnet build "$root/src/Sample.WordCount" -c Release -v quiet -nologo >/dev/null
sample="$root/src/Sample.WordCount/bin/Release/net10.0/Sample.WordCount.dll"
repeat="${LTM_REPEAT:-1}"
text="$work/words-$words.txt"
[[ -f $text ]] || python3 "$root/bench/scenarios/larger-than-memory/generate.py" "$text" --words "$words"
input="$text"
if (( repeat > 1 )); then
  input="$work/words-$words-x$repeat.txt"
  [[ -f $input ]] || for _ in $(seq "$repeat"); do cat "$text"; done > "$input"
fi

group=/sys/fs/cgroup/memory/mapreducegen-ltm-$$
mkdir "$group"
trap 'rmdir "$group" 2>/dev/null || true' EXIT
echo $((1 << 30)) > "$group/memory.limit_in_bytes"

# limited LABEL OUT CMD...: runs CMD in the group, stdout to OUT, stderr to OUT.err; appends "seconds kib" to LABEL.times
limited() {
  local label=$1 out=$2; shift 2
  ( echo $BASHPID > "$group/cgroup.procs"; exec /usr/bin/time -f '%e %M' -o "$work/$label.time" "$@" ) >"$out" 2>"$out.err"
  cat "$work/$label.time" >> "$work/$label.times"
}

rm -f "$work"/*.times
for round in $(seq "$rounds"); do
  limited harness "$work/harness.out" "$work/aot/countwords" "$input" --stats
  limited sample "$work/sample.out" dotnet "$sample" "$input" --tsv
  limited anchor "$work/anchor.out" bash -c "tr -s ' ' '\n' < '$input' | LC_ALL=C sort -S 256M | uniq -c"
  echo "round $round done: $(uptime)" >&2
done

# Every word once: word order is the output order; the three hold the same words.
cut -d' ' -f1 "$work/harness.out" | LC_ALL=C sort -c || { echo "harness output out of order" >&2; exit 1; }
cut -f1 "$work/sample.out" | LC_ALL=C sort -c || { echo "sample output out of order" >&2; exit 1; }
cmp -s <(cut -d' ' -f1 "$work/harness.out") <(awk '{print $2}' "$work/anchor.out") || { echo "harness and anchor differ" >&2; exit 1; }
cmp -s <(cut -f1 "$work/sample.out") <(awk '{print $2}' "$work/anchor.out") || { echo "sample and anchor differ" >&2; exit 1; }
[[ $(wc -l < "$work/harness.out") -eq $words ]] || { echo "harness: not $words lines" >&2; exit 1; }
awk -v n="$repeat" '$2 != n { exit 1 }' "$work/harness.out" || { echo "harness: a count is not $repeat" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
anchor_s=$(cut -d' ' -f1 "$work/anchor.times" | median)
spilled=$(grep -o '[0-9]* bytes spilled by the run, [0-9]* by the sort ([0-9]* runs)' "$work/harness.out.err" | tail -1)
echo "load: $(uptime)"
echo "| program (1 GiB cgroup, $words distinct words, $rounds rounds) | time (median) | / anchor | peak RSS (median) |"
echo "| --- | ---: | ---: | ---: |"
for label in harness sample anchor; do
  s=$(cut -d' ' -f1 "$work/$label.times" | median)
  kib=$(cut -d' ' -f2 "$work/$label.times" | median)
  awk -v l="$label" -v s="$s" -v a="$anchor_s" -v k="$kib" 'BEGIN { printf "| %s | %.1f s | %.2f | %d MiB |\n", l, s, s / a, k / 1024 }'
done
echo "harness: $spilled"
